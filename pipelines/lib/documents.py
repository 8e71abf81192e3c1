"""From a raw document to its clean body, metadata and segments."""

from __future__ import annotations

import re
from datetime import UTC

from pipelines.lib import cleaning, language
from pipelines.lib.normalize import clean_body
from pipelines.lib.segmenting import segment

_WORD = re.compile(r"\w+")


def source_group(source: str) -> str:
    """Documents of one source share chrome: a JSONL file's lines, or the files of one folder."""
    return source.split("#", 1)[0] if "#" in source else source.rsplit("/", 1)[0] if "/" in source else ""


def build_document(raw: dict, *, repeated: frozenset[str] = frozenset()) -> tuple[dict, list[dict]]:
    """One ``documents`` row and its ``removed`` rows, from one ``raw_documents`` row."""
    doc, removed, _, _ = _document(raw, repeated)
    return doc, removed


def clean_document(raw: dict, *, repeated: frozenset[str] = frozenset()) -> tuple[dict, list[dict], list[dict], list[dict]]:
    """``build_document``'s rows and the ``paragraphs`` and ``sentences`` rows of the clean body: the body
    is segmented once, for its rows and for ``documents.n_sentences`` alike."""
    doc, removed, paragraphs, sentences = _document(raw, repeated)
    return doc, removed, *_segment_rows(doc["doc_id"], doc["text"], paragraphs, sentences)


def _document(raw: dict, repeated: frozenset[str]) -> tuple[dict, list[dict], list, list]:
    extracted = cleaning.extract(raw["raw_text"], fmt=raw["format"], repeated=repeated)
    text = clean_body(extracted.body)
    paragraphs, sentences = segment(text)
    if raw.get("meta_published_at"):  # the input's own field, before what the page says
        published, day = raw["meta_published_at"], raw.get("meta_published_date") or raw["meta_published_at"].date()
    else:
        published = extracted.published_at
        day = published.date() if published else None  # the day in the offset the page gave
    doc = dict(
        doc_id=raw["doc_id"],
        source=raw["source"],
        title=raw.get("meta_title") or extracted.title,
        author=raw.get("meta_author") or extracted.author,
        published_at=published.astimezone(UTC) if published else None,
        language=language.detect(text),
        text=text,
        n_chars=len(text),
        n_sentences=len(sentences),
        removed_chars=sum(r["raw_end"] - r["raw_start"] for r in extracted.removed),
        duplicate_of=None,
        n_words=len(_WORD.findall(text)),
        batch_id=raw.get("batch_id"),
        published_date=day,
    )
    removed = [dict(r, doc_id=raw["doc_id"], batch_id=raw.get("batch_id")) for r in extracted.removed]
    return doc, removed, paragraphs, sentences


def segment_rows(doc_id: str, text: str) -> tuple[list[dict], list[dict]]:
    """``paragraphs`` and ``sentences`` rows for a clean body."""
    return _segment_rows(doc_id, text, *segment(text))


def _segment_rows(doc_id: str, text: str, paragraphs: list, sentences: list) -> tuple[list[dict], list[dict]]:
    p_rows = [
        dict(doc_id=doc_id, paragraph_id=i, start=p.start, end=p.end, text=text[p.start : p.end])
        for i, p in enumerate(paragraphs)
    ]
    s_rows = [
        dict(doc_id=doc_id, sentence_id=j, paragraph_id=i, start=s.start, end=s.end, text=text[s.start : s.end])
        for j, (i, s) in enumerate(sentences)
    ]
    return p_rows, s_rows

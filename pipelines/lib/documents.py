"""From a raw document to its clean body, metadata and segments."""

from __future__ import annotations

import re

from pipelines.lib import cleaning, duplicates, parallel
from pipelines.lib.normalize import clean_body
from pipelines.lib.segmenting import segment

_WORD = re.compile(r"\w+")


def source_group(source: str) -> str:
    """Documents of one source share chrome: a JSONL file's lines, or the files of one folder."""
    return source.split("#", 1)[0] if "#" in source else source.rsplit("/", 1)[0] if "/" in source else ""


def build_documents(raws: list[dict], progress=None) -> tuple[list[dict], list[dict], list]:
    """``documents`` rows, ``removed`` rows and each document's MinHash signature (None for an empty
    body), for a batch of ``raw_documents`` rows; on the worker processes for a big batch.

    Lines that repeat across many documents of the same source are treated as chrome.
    """
    groups: dict[str, list[str]] = {}
    for r in raws:
        if r["format"] != "html":
            groups.setdefault(source_group(r["source"]), []).append(r["raw_text"])
    # a source's repeated lines on the workers too: over all of Reuters (40 files), 3 s in this process
    repeated = dict(zip(groups, (r for _, r in parallel.imap(repeated_lines_chunk, list(groups.values()), chunk=1,
                                                              documents=len(raws))), strict=True))
    items = [(r, repeated.get(source_group(r["source"]), frozenset())) for r in raws]
    docs, removed, signatures = [], [], []
    for _, (doc, rem, sig) in parallel.imap(build_documents_chunk, items):
        docs.append(doc)
        removed.extend(rem)
        signatures.append(sig)
        if progress:
            progress(doc)
    return docs, removed, signatures


def repeated_lines_chunk(groups: list[list[str]]) -> list[frozenset[str]]:
    """``cleaning.repeated_lines`` of each group of texts: one unit of work for a worker process."""
    return [cleaning.repeated_lines(texts) for texts in groups]


def build_documents_chunk(items: list[tuple[dict, frozenset[str]]]) -> list[tuple[dict, list[dict], object]]:
    """One unit of work for a worker process: ``(document, removed, signature)`` per raw row."""
    out = []
    for raw, repeated in items:
        doc, removed = build_document(raw, repeated=repeated)
        out.append((doc, removed, duplicates.signature(doc["text"])))
    return out


def build_document(raw: dict, *, repeated: frozenset[str] = frozenset()) -> tuple[dict, list[dict]]:
    """One ``documents`` row and its ``removed`` rows, from one ``raw_documents`` row."""
    extracted = cleaning.extract(raw["raw_text"], fmt=raw["format"], repeated=repeated)
    text = clean_body(extracted.body)
    _, sentences = segment(text)
    doc = dict(
        doc_id=raw["doc_id"],
        source=raw["source"],
        title=raw.get("meta_title") or extracted.title,
        author=raw.get("meta_author") or extracted.author,
        published_at=raw.get("meta_published_at") or extracted.published_at,
        language="en",
        text=text,
        n_chars=len(text),
        n_sentences=len(sentences),
        removed_chars=sum(r["raw_end"] - r["raw_start"] for r in extracted.removed),
        duplicate_of=None,
        n_words=len(_WORD.findall(text)),
        batch_id=raw.get("batch_id"),
    )
    removed = [dict(r, doc_id=raw["doc_id"], batch_id=raw.get("batch_id")) for r in extracted.removed]
    return doc, removed


def segment_rows_chunk(items: list[tuple[str, str]]) -> list[tuple[list[dict], list[dict]]]:
    """``segment_rows`` of each ``(doc_id, text)``: one unit of work for a worker process."""
    return [segment_rows(doc_id, text) for doc_id, text in items]


def segment_rows(doc_id: str, text: str) -> tuple[list[dict], list[dict]]:
    """``paragraphs`` and ``sentences`` rows for a clean body."""
    paragraphs, sentences = segment(text)
    p_rows = [
        dict(doc_id=doc_id, paragraph_id=i, start=p.start, end=p.end, text=text[p.start : p.end])
        for i, p in enumerate(paragraphs)
    ]
    s_rows = [
        dict(doc_id=doc_id, sentence_id=j, paragraph_id=i, start=s.start, end=s.end, text=text[s.start : s.end])
        for j, (i, s) in enumerate(sentences)
    ]
    return p_rows, s_rows

"""The per-batch work of the steps that read every document (clean and segment, figures and dates,
mentions), table in and tables out, a chunk of documents at a time on the worker processes.

Each ``*_batch`` function takes the batch's input as an Arrow table and returns its output tables;
``parallel.map_table`` cuts the input into chunks and ships them to the workers and back as Arrow, so
the process that runs Dagster holds the batch only as Arrow buffers, never as a Python dict per row
(see ``parallel.map_table`` for what that saved). Each ``*_chunk`` function is one unit of work for a
worker: the rows of the per-document modules (``documents``, ``entities``, ``figures``), as tables.
"""

from __future__ import annotations

from collections.abc import Callable

import pyarrow as pa

from pipelines.lib import cleaning, duplicates, entities, figures, parallel
from pipelines.lib.documents import clean_document, source_group
from pipelines.lib.schemas import table_from_rows

# pyarrow.compute is imported where used, in the process that runs the step: the workers never need
# it (+8.6 MiB resident each)
OnChunk = Callable[[pa.Table, tuple], None] | None


CLEAN_TABLES = ["documents", "removed", "minhashes", "paragraphs", "sentences"]


def clean_batch(raw: pa.Table, on_chunk: OnChunk = None) -> tuple[pa.Table, ...]:
    """The ``documents``, ``removed``, ``minhashes`` (a signature for each document with a body),
    ``paragraphs`` and ``sentences`` tables of a batch of ``raw_documents`` rows, in their order
    (``CLEAN_TABLES``). Lines that repeat across many documents of the same source are treated as
    chrome. Each body is segmented once, where it is cleaned: its sentences are counted in
    ``documents`` and are the ``sentences`` rows (a step of their own segmented every body a second
    time: 0.38 s of CPU for 4,000 Reuters bodies, 0.45 s with the rows, session 23)."""
    groups: dict[str, list[int]] = {}
    for i, (source, fmt) in enumerate(zip(raw.column("source").to_pylist(), raw.column("format").to_pylist(), strict=True)):
        if fmt != "html":
            groups.setdefault(source_group(source), []).append(i)
    # a source's repeated lines on the workers too: over all of Reuters (40 files), 3 s in this process
    texts = raw.select(["raw_text"])
    found = parallel.each(repeated_lines_of, ((texts.take(rows),) for rows in groups.values()), documents=raw.num_rows)
    repeated = {group: lines for group, (_, (lines,)) in zip(groups, found, strict=True)}

    def repeated_in(chunk: pa.Table) -> tuple[dict[str, frozenset[str]]]:
        return ({g: repeated[g] for g in {source_group(s) for s in chunk.column("source").to_pylist()} if g in repeated},)

    return parallel.map_table(clean_chunk, raw, CLEAN_TABLES, extra=repeated_in, on_chunk=on_chunk, per_slice=parallel.CPU_CHUNK)


def with_duplicates(docs: pa.Table, found: dict[str, str]) -> pa.Table:
    """``docs`` with ``duplicate_of`` set from ``found`` (doc_id -> the earlier document it repeats)."""
    duplicate_of = pa.array([found.get(d) for d in docs.column("doc_id").to_pylist()], pa.string())
    return docs.set_column(docs.schema.get_field_index("duplicate_of"), "duplicate_of", duplicate_of)


def repeated_lines_of(texts: pa.Table) -> tuple[frozenset[str]]:
    """``cleaning.repeated_lines`` of one source's texts."""
    return (cleaning.repeated_lines(texts.column("raw_text").to_pylist()),)


def clean_chunk(raw: pa.Table, repeated: dict[str, frozenset[str]]) -> tuple[pa.Table, ...]:
    """``clean_batch`` of a few rows; ``repeated``: the repeated lines of their sources."""
    docs, removed, signatures, paragraphs, sentences = [], [], [], [], []
    for row in raw.to_pylist():
        doc, rem, p, s = clean_document(row, repeated=repeated.get(source_group(row["source"]), frozenset()))
        docs.append(doc)
        removed.extend(rem)
        signatures.append((doc["doc_id"], duplicates.signature(doc["text"])))
        paragraphs.extend(p)
        sentences.extend(s)
    return (table_from_rows("documents", docs), table_from_rows("removed", removed),
            duplicates.signature_table(signatures, raw.column("batch_id")[0].as_py()),
            table_from_rows("paragraphs", paragraphs), table_from_rows("sentences", sentences))


EXTRACTED_LANGUAGES = ("en",)  # what the model and the figure and date rules read; NULL (cannot be told) too


def extractable(docs: pa.Table) -> pa.Table:
    """The rows of ``docs`` (with ``language``) that entities, figures and dates are extracted from:
    English, or a language that cannot be told (a table, a headline). Prose in another language would
    give the English model's guesses (on three German sentences: "Jahr ein Wachstum von 0,5 Prozent",
    "Dezember" and "Vereinigten Staaten" as PERSON, "Prozent" and "Quartal" as ORG) and figures read
    with English number rules ("3,5 Prozent" as the bare number 3)."""
    import pyarrow.compute as pc

    language = docs.column("language")
    return docs.filter(pc.or_(pc.is_null(language), pc.is_in(language, value_set=pa.array(EXTRACTED_LANGUAGES))))


def _sentences_of(sentences: pa.Table) -> Callable[[pa.Table], tuple[pa.Table]]:
    """For ``map_table``'s ``extra``: the rows of ``sentences`` that belong to a chunk's documents."""
    import pyarrow.compute as pc

    return lambda chunk: (sentences.filter(pc.is_in(sentences.column("doc_id"), value_set=chunk.column("doc_id"))),)


def mentions_batch(docs: pa.Table, sentences: pa.Table, on_chunk: OnChunk = None) -> pa.Table:
    """The ``mentions`` table of clean bodies (``doc_id``, ``text``), given their sentences
    (``doc_id``, ``start``): spaCy's ner, one model per worker."""
    (mentions,) = parallel.map_table(mentions_chunk, docs, ["mentions"], extra=_sentences_of(sentences), on_chunk=on_chunk)
    return mentions


def _by_doc(sentences: pa.Table, columns: list[str]) -> dict[str, list[tuple]]:
    """The values of ``columns`` of each sentence, as tuples grouped by ``doc_id``, sorted."""
    by_doc: dict[str, list[tuple]] = {}
    for doc_id, *values in zip(*(sentences.column(c).to_pylist() for c in ["doc_id", *columns]), strict=True):
        by_doc.setdefault(doc_id, []).append(tuple(values))
    return {doc_id: sorted(rows) for doc_id, rows in by_doc.items()}


def mentions_chunk(docs: pa.Table, sentences: pa.Table) -> tuple[pa.Table]:
    starts = _by_doc(sentences, ["start"])
    items = [(doc_id, text, [start for (start,) in starts.get(doc_id, [(0,)])])
             for doc_id, text in zip(docs.column("doc_id").to_pylist(), docs.column("text").to_pylist(), strict=True)]
    return (table_from_rows("mentions", [r for rows in entities.mention_rows_chunk(items) for r in rows]),)


def figures_batch(docs: pa.Table, ingested: pa.Table, sentences: pa.Table,
                  on_chunk: OnChunk = None) -> tuple[pa.Table, pa.Table]:
    """The ``figures`` and ``dates`` tables of clean bodies (``doc_id``, ``text``, ``published_at``,
    ``published_date``), given when they were ingested (``doc_id``, ``ingested_at``: relative dates
    resolve against the day of publication where it was published, else the day of ingest) and their sentences (``doc_id``, ``sentence_id``, ``start``, ``end``)."""
    import pyarrow.compute as pc

    when = ingested.column("ingested_at").take(pc.index_in(docs.column("doc_id"), value_set=ingested.column("doc_id")))
    day = pa.date32()
    docs = docs.append_column("reference", pc.coalesce(docs.column("published_date"), pc.cast(docs.column("published_at"), day),
                                                       pc.cast(when, day)))
    return parallel.map_table(figures_chunk, docs, ["figures", "dates"], extra=_sentences_of(sentences), on_chunk=on_chunk,
                              per_slice=parallel.CPU_CHUNK)


def figures_chunk(docs: pa.Table, sentences: pa.Table) -> tuple[pa.Table, pa.Table]:
    by_doc = _by_doc(sentences, ["sentence_id", "start", "end"])
    items = [(d["doc_id"], d["text"], by_doc.get(d["doc_id"], []), d["reference"])
             for d in docs.select(["doc_id", "text", "reference"]).to_pylist()]
    found, dates = [], []
    for f, t in figures.rows_chunk(items):
        found.extend(f)
        dates.extend(t)
    return table_from_rows("figures", found), table_from_rows("dates", dates)

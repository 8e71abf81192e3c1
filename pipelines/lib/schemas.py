"""One Arrow schema per warehouse table: every writer and every test uses these."""

from __future__ import annotations

import pyarrow as pa

_TS = pa.timestamp("us", tz="UTC")

SCHEMAS: dict[str, pa.Schema] = {
    "files": pa.schema(
        [
            ("path", pa.string()),  # relative to the raw folder
            ("size", pa.int64()),
            ("mtime_ns", pa.int64()),
            ("sha256", pa.string()),
            ("status", pa.string()),  # ingested | duplicate | rejected
            ("n_documents", pa.int32()),
            ("batch_id", pa.string()),
            ("seen_at", _TS),
        ]
    ),
    "raw_documents": pa.schema(
        [
            ("doc_id", pa.string()),
            ("source", pa.string()),
            ("format", pa.string()),
            ("sha256", pa.string()),
            ("n_bytes", pa.int64()),
            ("raw_text", pa.large_string()),
            ("ingested_at", _TS),
            ("batch_id", pa.string()),
            ("encoding", pa.string()),
            ("url", pa.string()),
            ("meta_title", pa.string()),
            ("meta_author", pa.string()),
            ("meta_published_at", _TS),
            ("meta_published_date", pa.date32()),  # the day of meta_published_at where it was published
        ]
    ),
    "rejected": pa.schema(
        [
            ("source", pa.string()),
            ("reason", pa.string()),
            ("detail", pa.string()),
            ("seen_at", _TS),
            ("batch_id", pa.string()),
        ]
    ),
    "documents": pa.schema(
        [
            ("doc_id", pa.string()),
            ("source", pa.string()),
            ("title", pa.string()),
            ("author", pa.string()),
            ("published_at", _TS),
            ("language", pa.string()),
            ("text", pa.large_string()),
            ("n_chars", pa.int32()),
            ("n_sentences", pa.int32()),
            ("removed_chars", pa.int32()),
            ("duplicate_of", pa.string()),
            ("n_words", pa.int32()),
            ("batch_id", pa.string()),
            # the calendar day of publication where the document was published: published_at's local
            # day when its timestamp gave a UTC offset ("2024-03-07T23:30-05:00" is 7 March, not the 8th
            # of published_at in UTC); what relative dates in the text resolve against
            ("published_date", pa.date32()),
        ]
    ),
    "removed": pa.schema(
        [
            ("doc_id", pa.string()),
            ("raw_start", pa.int32()),
            ("raw_end", pa.int32()),
            ("text", pa.string()),
            ("reason", pa.string()),
            ("batch_id", pa.string()),
        ]
    ),
    "minhashes": pa.schema(
        [
            ("doc_id", pa.string()),
            ("signature", pa.list_(pa.uint64())),
            ("batch_id", pa.string()),
        ]
    ),
    "paragraphs": pa.schema(
        [
            ("doc_id", pa.string()),
            ("paragraph_id", pa.int32()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("text", pa.string()),
        ]
    ),
    "sentences": pa.schema(
        [
            ("doc_id", pa.string()),
            ("sentence_id", pa.int32()),
            ("paragraph_id", pa.int32()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("text", pa.string()),
        ]
    ),
    "mentions": pa.schema(
        [
            ("doc_id", pa.string()),
            ("sentence_id", pa.int32()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("text", pa.string()),
            ("label", pa.string()),
            ("entity_id", pa.string()),
            ("entity_name", pa.string()),
        ]
    ),
    "entities": pa.schema(
        [
            ("entity_id", pa.string()),
            ("name", pa.string()),
            ("label", pa.string()),
            ("aliases", pa.list_(pa.string())),
            ("n_mentions", pa.int64()),
            ("n_documents", pa.int64()),
            ("country_code", pa.string()),
            ("latitude", pa.float64()),
            ("longitude", pa.float64()),
        ]
    ),
    "entity_votes": pa.schema(  # internal: the votes behind entities.name and entities.label
        [
            ("entity_id", pa.string()),
            ("field", pa.string()),  # name | label
            ("value", pa.string()),
            ("n", pa.int64()),
        ]
    ),
    "figures": pa.schema(
        [
            ("doc_id", pa.string()),
            ("sentence_id", pa.int32()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("text", pa.string()),
            ("kind", pa.string()),
            ("value", pa.float64()),
            ("unit", pa.string()),
            ("approximate", pa.bool_()),
            ("subject", pa.string()),
            ("group_id", pa.int32()),
            ("role", pa.string()),
            ("per", pa.string()),  # what an amount of money is per ("bbl", "share", "a"); NULL otherwise
        ]
    ),
    "dates": pa.schema(
        [
            ("doc_id", pa.string()),
            ("sentence_id", pa.int32()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("text", pa.string()),
            ("value", pa.string()),
        ]
    ),
    "postings": pa.schema(
        [("term", pa.string()), ("doc_id", pa.string()), ("sentence_id", pa.int32()), ("tf", pa.int32()),
         ("len", pa.int32())]
    ),
    "sentence_lengths": pa.schema([("doc_id", pa.string()), ("sentence_id", pa.int32()), ("len", pa.int32())]),
}

# Tables rewritten whole by each batch (a snapshot across all documents), not appended per batch.
SNAPSHOT_TABLES = frozenset({"entities", "entity_votes"})

# Row order kept by compaction (a batch's own file is written in it): the search index is read by term, and
# DuckDB skips the row groups whose term range misses the query's terms (on all of Reuters, a
# compacted postings file in batch order took 22 ms for the query terms, sorted 6 ms).
SORT_KEYS: dict[str, tuple[str, ...]] = {"postings": ("term", "doc_id", "sentence_id")}

# Parquet codec per table (zstd otherwise): every search reads the text of all matching sentences,
# and LZ4 decodes it about twice as fast as zstd (search p50 on all of Reuters 40 -> 30 ms; the
# sentences files grow from 6.7 to 9.9 MiB).
CODECS: dict[str, str] = {"sentences": "lz4"}

# Fewer rows per row group than the default 64,000 for tables of wide rows: a reader decodes a row
# group's column at a time, and a MinHash signature is 1 KiB.
MAX_GROUP_ROWS: dict[str, int] = {"minhashes": 8_192}


# Columns written without a dictionary: values that never repeat. A MinHash signature is 128 random
# 64-bit hashes; Parquet's writer dictionary-encodes by default and, for such a column, builds a
# dictionary only to drop it, holding the row group's pages meanwhile: writing one 8,192-row group
# of signatures took 54 MiB of Arrow's pool with a dictionary, 26 without (the file 4.15 -> 3.89 MiB).
PLAIN_COLUMNS: dict[str, tuple[str, ...]] = {"minhashes": ("signature",)}


def codec(table: str) -> str:
    return CODECS.get(table, "zstd")


def write_options(table: str, schema: pa.Schema) -> dict:
    """Keyword arguments for Parquet's writer of ``table``'s files (``schema``: the columns written)."""
    plain = PLAIN_COLUMNS.get(table, ())
    dictionary = [f.name for f in schema if f.name not in plain] if plain else True
    return {"compression": codec(table), "use_dictionary": dictionary}


def table_from_rows(name: str, rows: list[dict]) -> pa.Table:
    """Build a table of ``name`` from dict rows; missing keys become NULL, extra keys are an error."""
    schema = SCHEMAS[name]
    if not rows:
        return schema.empty_table()
    names = set(schema.names)
    extra = {k for r in rows if not r.keys() <= names for k in r.keys() - names}
    if extra:
        raise KeyError(f"{name}: unknown columns {sorted(extra)}")
    # Arrow's own row reader: 0.1 s for 120,000 sentence rows, against 0.2 s for columns built in Python
    return pa.Table.from_pylist(rows, schema=schema)

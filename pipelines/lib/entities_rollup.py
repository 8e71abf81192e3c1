"""Entities across every document, rolled up incrementally: the previous snapshot plus one batch.

``entities`` is a snapshot table (one file, rewritten by each batch). Its name and label are votes
over every mention, so the votes are kept too, as the internal snapshot ``entity_votes``: a batch
adds its mentions' votes and counts to the previous snapshots and never re-reads the mentions
already committed. A warehouse built before the votes existed gets them from its committed mentions
once. Places are looked up again only for entities that are new or whose name or label changed.

Both snapshots are sorted by their keys. A batch rolls up only the entities its mentions touch (in
memory: they are as many as the batch's mentions at most), then streams each previous snapshot a
piece at a time into the new one, the touched entities' rows replaced: memory does not grow with
the snapshots. Measured alone on a warehouse of 13,000 Reuters bodies (22,031 entities, 45,459
votes): +51 MiB of resident memory when each query handed over the whole snapshot as an Arrow table,
+35-39 MiB this way (five runs), at the same speed (0.20-0.27 s against 0.21), the same rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.lib import database, entities
from pipelines.lib.schemas import SCHEMAS
from pipelines.lib.storage import Warehouse, conformed, merge_sorted, read_batches

PLACE_LABELS = ("GPE", "LOC", "FAC")
_GEO = pa.schema([("entity_id", pa.string()), ("country_code", pa.string()), ("latitude", pa.float64()),
                  ("longitude", pa.float64())])
_KEYS = {"entity_votes": ("entity_id", "field", "value"), "entities": ("entity_id",)}


def roll_up(wh: Warehouse, batch_id: str) -> dict[str, int]:
    """Stage the snapshots of ``entity_votes`` and ``entities`` after ``batch_id``; their row counts."""
    batch = str(wh.batch_file(batch_id, "mentions"))
    mentions = [batch]
    previous_entities = wh.table_dir("entities") / "current.parquet"
    previous_votes = wh.table_dir("entity_votes") / "current.parquet"
    if previous_entities.exists() and not previous_votes.exists():
        mentions += [str(p) for p in wh.committed_files("mentions")]  # first roll-up since the votes existed
    votes = _query("queries/entity_votes.sql",
                   {"previous": str(wh.table_dir("entity_votes") / "*.parquet"), "mentions": mentions})
    rolled = _query("queries/entity_rollup.sql",
                    {"previous": str(wh.table_dir("entities") / "*.parquet"), "batch": batch}, votes=votes)
    lookups = _query("queries/entity_place_lookups.sql", {"labels": list(PLACE_LABELS)}, rolled=rolled)
    geo = pa.Table.from_pylist(
        [dict(zip(_GEO.names, (i, *entities.place(n)), strict=True))
         for i, n in zip(lookups.column("entity_id").to_pylist(), lookups.column("name").to_pylist(), strict=True)],
        schema=_GEO,
    )
    touched = _query("queries/entity_places.sql", {}, rolled=rolled, geo=geo)
    return {table: wh.stage_stream(batch_id, table, replaced(previous, new.cast(SCHEMAS[table]), _KEYS[table]))
            for table, previous, new in (("entity_votes", previous_votes, votes), ("entities", previous_entities, touched))}


def replaced(previous: Path, new: pa.Table, keys: tuple[str, ...]) -> Iterator[pa.Table]:
    """The rows of the snapshot ``previous`` (sorted by ``keys``, the first being ``entity_id``), every
    row of an entity that has rows in ``new`` (sorted the same way) replaced by those, in order, a piece
    of ``previous`` at a time: its other rows merged with ``new`` (``storage.merge_sorted``)."""
    ids = new.column("entity_id")
    kept = (b.filter(pc.invert(pc.is_in(b.column("entity_id"), value_set=ids)))
            for b in (conformed(batch, new.schema) for batch in read_batches(previous))) if previous.exists() else iter(())
    return merge_sorted([kept, iter(new.to_batches())], keys)


def _query(sql: str, params: dict, **tables: pa.Table) -> pa.Table:
    """One query of ``sql/`` over Parquet and the given Arrow tables, in a connection of its own.

    DuckDB holds on to the memory a query used until its connection closes (on all of Reuters the
    votes query left ~25 MiB behind): with a connection per query, and Arrow tables between the
    queries instead of DuckDB temp tables, the roll-up's peak there went from 64 to 52 MiB."""
    with duckdb.connect() as con:
        for name, table in tables.items():
            con.register(name, table)
        return con.execute(database.read_sql(sql), params or None).to_arrow_table()

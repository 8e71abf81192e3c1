"""Entities across every document, rolled up incrementally: the previous snapshot plus one batch.

``entities`` is a snapshot table (one file, rewritten by each batch). Its name and label are votes
over every mention, so the votes are kept too, as the internal snapshot ``entity_votes``: a batch
adds its mentions' votes and counts to the previous snapshots and never re-reads the mentions
already committed. A warehouse built before the votes existed gets them from its committed mentions
once. Places are looked up again only for entities that are new or whose name or label changed.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from pipelines.lib import database, entities
from pipelines.lib.schemas import SCHEMAS
from pipelines.lib.storage import Warehouse

PLACE_LABELS = ("GPE", "LOC", "FAC")
_GEO = pa.schema([("entity_id", pa.string()), ("country_code", pa.string()), ("latitude", pa.float64()),
                  ("longitude", pa.float64())])


def roll_up(wh: Warehouse, batch_id: str) -> tuple[pa.Table, pa.Table]:
    """(votes, entities) after ``batch_id``: the new snapshots of ``entity_votes`` and ``entities``."""
    batch = str(wh.batch_file(batch_id, "mentions"))
    mentions = [batch]
    previous_entities = wh.table_dir("entities") / "current.parquet"
    previous_votes = wh.table_dir("entity_votes") / "current.parquet"
    if previous_entities.exists() and not previous_votes.exists():
        mentions += [str(p) for p in wh.committed_files("mentions")]  # first roll-up since the votes existed
    with duckdb.connect() as con:
        con.execute("CREATE TEMP TABLE votes AS " + database.read_sql("queries/entity_votes.sql"),
                    {"previous": str(wh.table_dir("entity_votes") / "*.parquet"), "mentions": mentions})
        con.execute("CREATE TEMP TABLE rolled AS " + database.read_sql("queries/entity_rollup.sql"),
                    {"previous": str(wh.table_dir("entities") / "*.parquet"), "batch": batch})
        lookups = con.execute(database.read_sql("queries/entity_place_lookups.sql"), {"labels": list(PLACE_LABELS)})
        geo = pa.Table.from_pylist(
            [dict(zip(_GEO.names, (i, *entities.place(n)), strict=True)) for i, n in lookups.fetchall()],
            schema=_GEO,
        )
        con.register("geo", geo)
        table = con.execute(database.read_sql("queries/entity_places.sql")).fetch_arrow_table()
        votes = con.execute("SELECT * FROM votes").fetch_arrow_table()
    return votes.cast(SCHEMAS["entity_votes"]), table.cast(SCHEMAS["entities"])

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
        lookups = con.execute(
            "SELECT entity_id, name FROM rolled WHERE NOT geo_known AND label IN ?", [list(PLACE_LABELS)]
        ).fetchall()
        geo = pa.Table.from_pylist(
            [dict(zip(("entity_id", "country_code", "latitude", "longitude"), (i, *entities.place(n)), strict=True))
             for i, n in lookups],
            schema=pa.schema([("entity_id", pa.string()), ("country_code", pa.string()),
                              ("latitude", pa.float64()), ("longitude", pa.float64())]),
        )
        con.register("geo", geo)
        table = con.execute(
            """SELECT r.entity_id, r.name, r.label, r.aliases, r.n_mentions, r.n_documents,
                      CASE WHEN r.geo_known THEN r.country_code ELSE g.country_code END AS country_code,
                      CASE WHEN r.geo_known THEN r.latitude ELSE g.latitude END AS latitude,
                      CASE WHEN r.geo_known THEN r.longitude ELSE g.longitude END AS longitude
               FROM rolled AS r LEFT JOIN geo AS g USING (entity_id)
               ORDER BY r.entity_id"""
        ).fetch_arrow_table()
        votes = con.execute("SELECT * FROM votes").fetch_arrow_table()
    return votes.cast(SCHEMAS["entity_votes"]), table.cast(SCHEMAS["entities"])

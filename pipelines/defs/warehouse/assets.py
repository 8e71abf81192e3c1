"""Warehouse: the commit point of a batch, and the DuckDB views over every table."""


import dagster as dg

from pipelines.defs.partitions import batches
from pipelines.defs.resources import WarehouseResource
from pipelines.lib import database, parallel
from pipelines.lib.planning import committed_meanwhile

# Everything a batch stages; the commit waits for all of them (and their blocking checks).
BATCH_TABLES = ["files", "raw_documents", "rejected", "documents", "removed", "minhashes", "paragraphs", "sentences",
                "mentions", "entities", "figures", "dates", "postings", "sentence_lengths"]


@dg.asset(deps=BATCH_TABLES, partitions_def=batches, group_name="warehouse", kinds={"duckdb", "parquet"})
def warehouse(context: dg.AssetExecutionContext, folders: WarehouseResource) -> dg.MaterializeResult:
    """Commit the batch (every staged table becomes visible at once, under the warehouse lock) and keep
    ``warehouse.duckdb``'s views and macros current."""
    wh = folders.warehouse()
    batch_id = context.partition_key
    with wh.lock(say=context.log.info):
        if wh.is_committed(batch_id):
            context.log.info(f"batch {batch_id} is already committed")
            tables: list[str] = []
            compacted = {}
        else:
            raced = parallel.isolated(committed_meanwhile, wh, batch_id)
            if raced:  # another run committed the same content since this batch was read
                context.log.warning(f"{len(raced)} documents were committed by another run meanwhile; dropping them here")
                wh.drop_documents(batch_id, raced)
            tables = wh.commit(batch_id)
        compacted = parallel.isolated(wh.compact_tables, BATCH_TABLES)
        for table, (n, name) in compacted.items():
            context.log.info(f"compacted {n} small files of {table} into {name}")
        wh.init()
        parallel.isolated(database.install, wh.root)
    counts = parallel.isolated(database.table_counts, wh.root)
    context.log.info("warehouse rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    return dg.MaterializeResult(
        metadata={
            "committed_tables": dg.MetadataValue.json(tables),
            "compacted": dg.MetadataValue.json({t: n for t, (n, _) in compacted.items()}),
            "rows": dg.MetadataValue.json(counts),
            "duckdb": dg.MetadataValue.path(str(wh.duckdb_path)),
        }
    )


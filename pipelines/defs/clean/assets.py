"""Clean: raw documents to clean bodies with their metadata."""


import dagster as dg

from pipelines.defs.common import committed_results, stage
from pipelines.defs.partitions import batches
from pipelines.defs.resources import WarehouseResource
from pipelines.lib.documents import build_document
from pipelines.lib.progress import Progress


@dg.asset(
    deps=["raw_documents"], partitions_def=batches, group_name="clean", kinds={"parquet", "python"},
)
def documents(context: dg.AssetExecutionContext, folders: WarehouseResource):
    """One row per document: the clean body (Unicode repaired, whitespace normalised, chrome removed),
    title, author, date, and counts of characters and sentences."""
    wh = folders.warehouse()
    batch_id = context.partition_key
    if wh.is_committed(batch_id):
        return committed_results(context, wh, ["documents"])[0]
    raw = wh.read_batch(batch_id, "raw_documents").to_pylist()
    progress = Progress("clean", len(raw), context.log.info)
    rows = []
    for r in raw:
        doc, _removed = build_document(r)
        rows.append(doc)
        progress.update(words=doc["n_words"])
    progress.finish()
    return stage(context, wh, "documents", rows,
                 words=dg.MetadataValue.int(sum(d["n_words"] for d in rows)))

"""Segment: clean bodies into paragraphs and sentences with character offsets."""


import dagster as dg

from pipelines.defs.common import committed_results, stage
from pipelines.defs.partitions import batches
from pipelines.defs.resources import WarehouseResource
from pipelines.lib import steps
from pipelines.lib.progress import Progress

TABLES = ["paragraphs", "sentences"]


@dg.multi_asset(
    specs=[
        dg.AssetSpec("paragraphs", deps=["documents"], group_name="segment", kinds={"parquet", "python"},
                     description="Paragraphs of each clean body; start/end are code-point offsets into documents.text."),
        dg.AssetSpec("sentences", deps=["documents"], group_name="segment", kinds={"parquet", "python"},
                     description="Sentences from the rule-based segmenter; start/end are offsets into documents.text."),
    ],
    partitions_def=batches,
)
def segments(context: dg.AssetExecutionContext, folders: WarehouseResource):
    """Split every clean body of the batch into paragraphs and sentences."""
    wh = folders.warehouse()
    batch_id = context.partition_key
    if wh.is_committed(batch_id):
        yield from committed_results(context, wh, TABLES)
        return
    docs = wh.read_batch(batch_id, "documents", columns=["doc_id", "text"])
    progress = Progress("segment", docs.num_rows, context.log.info)
    paragraphs, sentences = steps.segment_batch(docs, on_chunk=lambda chunk, _: progress.update(chunk.num_rows))
    progress.finish()
    yield stage(context, wh, "paragraphs", paragraphs)
    yield stage(context, wh, "sentences", sentences)

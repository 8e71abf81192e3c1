"""Search: the batch's sentences indexed for BM25, as Parquet postings sorted by term."""

import dagster as dg

from pipelines.defs.common import committed_results, staged
from pipelines.defs.partitions import batches
from pipelines.defs.resources import WarehouseResource
from pipelines.lib import database, parallel


@dg.multi_asset(
    specs=[
        dg.AssetSpec("postings", deps=["sentences"], group_name="search", kinds={"duckdb", "parquet"},
                     description="The search index: (term, doc_id, sentence_id, tf), one file per batch, sorted by term."),
        dg.AssetSpec("sentence_lengths", deps=["sentences"], group_name="search", kinds={"duckdb", "parquet"},
                     description="Tokens per sentence, for BM25's length normalisation."),
    ],
    partitions_def=batches,
)
def search_index(context: dg.AssetExecutionContext, folders: WarehouseResource):
    """Tokenize the batch's sentences with the same SQL macro the shell uses at query time
    (sql/macros/tokens.sql), so index and queries can never disagree."""
    wh = folders.warehouse()
    batch_id = context.partition_key
    if wh.is_committed(batch_id):
        yield from committed_results(context, wh, ["postings", "sentence_lengths"])
        return
    rows = parallel.isolated(database.stage_search_index, wh, batch_id)
    yield staged(context, wh, "postings", rows["postings"], terms=dg.MetadataValue.int(rows["terms"]))
    yield staged(context, wh, "sentence_lengths", rows["sentence_lengths"])

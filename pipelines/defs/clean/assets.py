"""Clean: raw documents to clean bodies with their metadata, the chrome they shed, and near-duplicates."""

import dagster as dg

from pipelines.defs.common import committed_results, stage
from pipelines.defs.partitions import batches
from pipelines.defs.resources import WarehouseResource
from pipelines.lib import duplicates, parallel
from pipelines.lib.documents import build_documents
from pipelines.lib.progress import Progress

TABLES = ["documents", "removed", "minhashes"]
# what cleaning reads of raw_documents (not the hash, size, encoding, URL or ingest time)
COLUMNS = ["doc_id", "source", "format", "raw_text", "batch_id", "meta_title", "meta_author", "meta_published_at"]


@dg.multi_asset(
    specs=[
        dg.AssetSpec("documents", deps=["raw_documents"], group_name="clean", kinds={"parquet", "python"},
                     description="One row per document: the clean body (chrome removed, Unicode repaired, whitespace "
                                 "normalised, personal data masked), title, author, date, near-duplicate link."),
        dg.AssetSpec("removed", deps=["raw_documents"], group_name="clean", kinds={"parquet"},
                     description="Every stretch of raw text dropped as chrome, with offsets into raw_text and a reason; "
                                 "personal data redacted."),
        dg.AssetSpec("minhashes", deps=["raw_documents"], group_name="clean", kinds={"parquet"},
                     description="MinHash signature of each clean body: what near-duplicate detection compares."),
    ],
    partitions_def=batches,
)
def clean(context: dg.AssetExecutionContext, folders: WarehouseResource):
    """Strip the page chrome off every raw document of the batch, pull out title/author/date, and link
    near-duplicates to the earliest document they repeat."""
    wh = folders.warehouse()
    batch_id = context.partition_key
    if wh.is_committed(batch_id):
        yield from committed_results(context, wh, TABLES)
        return
    raw = wh.read_batch(batch_id, "raw_documents", columns=COLUMNS).to_pylist()
    progress = Progress("clean", len(raw), context.log.info)
    docs, removed, sigs = build_documents(raw, progress=lambda d: progress.update(words=d["n_words"]))
    progress.finish()
    del raw  # the batch's raw texts: not held under the staging below

    signatures = [(d["doc_id"], s) for d, s in zip(docs, sigs, strict=True)]
    found = parallel.isolated(duplicates.committed_duplicates, wh, signatures)
    for d in docs:
        d["duplicate_of"] = found.get(d["doc_id"])
    context.log.info(f"clean: {len(found)} near-duplicate(s) of earlier documents")
    sig_table = duplicates.signature_table(signatures, batch_id)
    yield stage(context, wh, "documents", docs, words=dg.MetadataValue.int(sum(d["n_words"] for d in docs)),
                removed_chars=dg.MetadataValue.int(sum(d["removed_chars"] for d in docs)),
                near_duplicates=dg.MetadataValue.int(len(found)))
    yield stage(context, wh, "removed", removed)
    yield stage(context, wh, "minhashes", sig_table)

"""Clean and segment: raw documents to clean bodies with their metadata, the chrome they shed,
near-duplicates, and the bodies' paragraphs and sentences (each body segmented once, where it is
cleaned), with the blocking checks of what is staged."""

import dagster as dg

from pipelines.defs.common import committed_results, stage, total
from pipelines.defs.partitions import batches
from pipelines.defs.resources import WarehouseResource
from pipelines.defs.warehouse import checks
from pipelines.lib import duplicates, parallel, steps
from pipelines.lib.progress import Progress

TABLES = steps.CLEAN_TABLES
# what cleaning reads of raw_documents (not the hash, size, encoding, URL or ingest time)
COLUMNS = ["doc_id", "source", "format", "raw_text", "batch_id", "meta_title", "meta_author", "meta_published_at",
           "meta_published_date"]


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
        dg.AssetSpec("paragraphs", deps=["documents"], group_name="segment", kinds={"parquet", "python"},
                     description="Paragraphs of each clean body; start/end are code-point offsets into documents.text."),
        dg.AssetSpec("sentences", deps=["documents"], group_name="segment", kinds={"parquet", "python"},
                     description="Sentences from the rule-based segmenter; start/end are offsets into documents.text."),
    ],
    check_specs=checks.SPECS,
    partitions_def=batches,
)
def clean(context: dg.AssetExecutionContext, folders: WarehouseResource):
    """Strip the page chrome off every raw document of the batch, pull out title/author/date, link
    near-duplicates to the earliest document they repeat, and split every clean body into paragraphs
    and sentences; then check what was staged."""
    wh = folders.warehouse()
    batch_id = context.partition_key
    if wh.is_committed(batch_id):
        yield from committed_results(context, wh, TABLES)
        return
    raw = wh.read_batch(batch_id, "raw_documents", columns=COLUMNS)
    progress = Progress("clean and segment", raw.num_rows, context.log.info)
    docs, removed, sig_table, paragraphs, sentences = steps.clean_batch(
        raw, on_chunk=lambda chunk, out: progress.update(chunk.num_rows, words=total(out[0], "n_words")))
    progress.finish()
    del raw  # the batch's raw texts: not held under the staging below

    # staged first, so that their tables are not held under the rest; yielded after documents, which
    # they depend on (Dagster takes a multi-asset's results in the order of its graph)
    segmented = [stage(context, wh, "paragraphs", paragraphs), stage(context, wh, "sentences", sentences)]
    del paragraphs, sentences
    found = parallel.isolated(duplicates.committed_duplicates, wh, sig_table)
    docs = steps.with_duplicates(docs, found)
    context.log.info(f"clean: {len(found)} near-duplicate(s) of earlier documents")
    yield stage(context, wh, "documents", docs, words=dg.MetadataValue.int(total(docs, "n_words")),
                removed_chars=dg.MetadataValue.int(total(docs, "removed_chars")),
                near_duplicates=dg.MetadataValue.int(len(found)))
    yield stage(context, wh, "removed", removed)
    yield stage(context, wh, "minhashes", sig_table)
    yield from segmented
    yield from checks.batch_checks(wh, batch_id)

"""Extract: named-entity mentions from the clean bodies, resolved into entities across all documents."""

import dagster as dg

from pipelines.defs.common import committed_results, counts, stage, staged, total
from pipelines.defs.partitions import batches
from pipelines.defs.resources import WarehouseResource
from pipelines.lib import entities_rollup, faults, parallel, steps
from pipelines.lib.progress import Progress


@dg.asset(deps=["documents", "sentences"], partitions_def=batches, group_name="extract", kinds={"spacy", "parquet"})
def mentions(context: dg.AssetExecutionContext, folders: WarehouseResource) -> dg.MaterializeResult:
    """Named-entity mentions from spaCy's English model (only its ner component), trimmed of titles
    and possessives, with recall rules for names the model misses, resolved per document; documents
    in another language than English are skipped (``steps.extractable``)."""
    wh = folders.warehouse()
    batch_id = context.partition_key
    if wh.is_committed(batch_id):
        return committed_results(context, wh, ["mentions"])[0]
    docs = steps.extractable(wh.read_batch(batch_id, "documents", columns=["doc_id", "text", "n_words", "language"]))
    sentences = wh.read_batch(batch_id, "sentences", columns=["doc_id", "start"])
    n_process = parallel.workers_for(docs.num_rows)
    progress = Progress(f"entities ({n_process} process{'es' if n_process > 1 else ''})", docs.num_rows, context.log.info)

    def done(chunk, _):
        progress.update(chunk.num_rows, words=total(chunk, "n_words"))
        faults.point("nlp")

    rows = steps.mentions_batch(docs, sentences, on_chunk=done)
    progress.finish()
    return stage(context, wh, "mentions", rows, labels=dg.MetadataValue.json(counts(rows, "label")))


@dg.asset(key="entities", deps=["mentions"], partitions_def=batches, group_name="extract", kinds={"duckdb", "parquet"})
def entities_table(context: dg.AssetExecutionContext, folders: WarehouseResource) -> dg.MaterializeResult:
    """One row per entity across every document: canonical name, voted label, every alias seen,
    mention and document counts, and for places the country code and coordinates."""
    wh = folders.warehouse()
    batch_id = context.partition_key
    if wh.is_committed(batch_id):
        return committed_results(context, wh, ["entities"])[0]
    rows = parallel.isolated(entities_rollup.roll_up, wh, batch_id)
    return staged(context, wh, "entities", rows["entities"])


@dg.multi_asset(
    specs=[
        dg.AssetSpec("figures", deps=["documents", "sentences"], group_name="extract", kinds={"python", "parquet"},
                     description="Every number stated in the text: kind, fully scaled value, canonical unit, "
                                 "approximate, subject, and ranges/changes linked by group_id and role."),
        dg.AssetSpec("dates", deps=["documents", "sentences"], group_name="extract", kinds={"python", "parquet"},
                     description="Dates and periods in the text, resolved to ISO 8601 against published_at "
                                 "(else ingested_at)."),
    ],
    partitions_def=batches,
)
def figures_and_dates(context: dg.AssetExecutionContext, folders: WarehouseResource):
    """Find the figures and dates of every sentence of the batch (rules, no model: fast), but for
    documents in another language than English (``steps.extractable``)."""
    wh = folders.warehouse()
    batch_id = context.partition_key
    if wh.is_committed(batch_id):
        yield from committed_results(context, wh, ["figures", "dates"])
        return
    docs = steps.extractable(wh.read_batch(batch_id, "documents", columns=["doc_id", "text", "published_at", "published_date", "n_words", "language"]))
    ingested = wh.read_batch(batch_id, "raw_documents", columns=["doc_id", "ingested_at"])
    sentences = wh.read_batch(batch_id, "sentences", columns=["doc_id", "sentence_id", "start", "end"])
    progress = Progress("figures and dates", docs.num_rows, context.log.info)
    figures, dates = steps.figures_batch(docs, ingested, sentences,
                                         on_chunk=lambda chunk, _: progress.update(chunk.num_rows, words=total(chunk, "n_words")))
    progress.finish()
    yield stage(context, wh, "figures", figures, kinds=dg.MetadataValue.json(counts(figures, "kind")))
    yield stage(context, wh, "dates", dates, resolved=dg.MetadataValue.int(dates.num_rows - dates.column("value").null_count))

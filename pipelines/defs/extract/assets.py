"""Extract: named-entity mentions from the clean bodies, resolved into entities across all documents."""

import dagster as dg

from pipelines.defs.common import committed_results, stage, staged
from pipelines.defs.partitions import batches
from pipelines.defs.resources import WarehouseResource
from pipelines.lib import entities, entities_rollup, faults, parallel
from pipelines.lib.progress import Progress


@dg.asset(deps=["documents", "sentences"], partitions_def=batches, group_name="extract", kinds={"spacy", "parquet"})
def mentions(context: dg.AssetExecutionContext, folders: WarehouseResource) -> dg.MaterializeResult:
    """Named-entity mentions from spaCy's English model (only its ner component), trimmed of titles
    and possessives, with recall rules for names the model misses, resolved per document."""
    wh = folders.warehouse()
    batch_id = context.partition_key
    if wh.is_committed(batch_id):
        return committed_results(context, wh, ["mentions"])[0]
    docs = wh.read_batch(batch_id, "documents", columns=["doc_id", "text", "n_words"]).to_pylist()
    sents = wh.read_batch(batch_id, "sentences", columns=["doc_id", "start"]).to_pylist()
    starts: dict[str, list[int]] = {}
    for s in sents:
        starts.setdefault(s["doc_id"], []).append(s["start"])
    n_process = parallel.workers_for(len(docs))
    progress = Progress(f"entities ({n_process} process{'es' if n_process > 1 else ''})", len(docs), context.log.info)
    rows: list[dict] = []
    items = [(d["doc_id"], d["text"], sorted(starts.get(d["doc_id"], [0]))) for d in docs]
    for d, (_, doc_rows) in zip(docs, parallel.imap(entities.mention_rows_chunk, items), strict=True):
        rows.extend(doc_rows)
        progress.update(words=d["n_words"])
        faults.point("nlp")
    progress.finish()
    labels: dict[str, int] = {}
    for r in rows:
        labels[r["label"]] = labels.get(r["label"], 0) + 1
    return stage(context, wh, "mentions", rows, labels=dg.MetadataValue.json(labels))


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
    """Find the figures and dates of every sentence of the batch (rules, no model: fast)."""
    from pipelines.lib.figures import rows_chunk

    wh = folders.warehouse()
    batch_id = context.partition_key
    if wh.is_committed(batch_id):
        yield from committed_results(context, wh, ["figures", "dates"])
        return
    docs = wh.read_batch(batch_id, "documents", columns=["doc_id", "text", "published_at", "n_words"]).to_pylist()
    ingested = dict(zip(*wh.read_batch(batch_id, "raw_documents", columns=["doc_id", "ingested_at"]).to_pydict().values(),
                        strict=True))
    by_doc: dict[str, list[tuple[int, int, int]]] = {}
    for s in wh.read_batch(batch_id, "sentences", columns=["doc_id", "sentence_id", "start", "end"]).to_pylist():
        by_doc.setdefault(s["doc_id"], []).append((s["sentence_id"], s["start"], s["end"]))
    progress = Progress("figures and dates", len(docs), context.log.info)
    figures, dates = [], []
    items = [(d["doc_id"], d["text"], sorted(by_doc.get(d["doc_id"], [])), (d["published_at"] or ingested[d["doc_id"]]).date())
             for d in docs]
    for d, (_, (f, t)) in zip(docs, parallel.imap(rows_chunk, items), strict=True):
        figures.extend(f)
        dates.extend(t)
        progress.update(words=d["n_words"])
    progress.finish()
    kinds: dict[str, int] = {}
    for f in figures:
        kinds[f["kind"]] = kinds.get(f["kind"], 0) + 1
    yield stage(context, wh, "figures", figures, kinds=dg.MetadataValue.json(kinds))
    yield stage(context, wh, "dates", dates, resolved=dg.MetadataValue.int(sum(x["value"] is not None for x in dates)))

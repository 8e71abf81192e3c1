"""Checks on each batch before it is committed: each tests one property, in SQL over the batch's files."""


import dagster as dg

from pipelines.defs.partitions import batches
from pipelines.defs.resources import WarehouseResource
from pipelines.lib import database, parallel


def _failures(sql_name: str, params: dict) -> list[tuple]:
    """The rows ``sql_name`` finds wrong, queried in the warehouse process (``parallel.isolated``): the
    doc_id check reads every committed doc_id, and run in this process its DuckDB query's memory raised
    the step's top with the corpus (traced, all of Reuters in batches of 1,000: 220.5 MiB at the first
    two batches, up to 228.3 later, the top of the whole run)."""
    return parallel.isolated(database.failures, sql_name, params)


def _result(bad: list[tuple], ok: str, broken: str) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        passed=not bad,
        severity=dg.AssetCheckSeverity.ERROR,
        description=ok if not bad else broken,
        metadata={"examples": dg.MetadataValue.json([list(map(str, r)) for r in bad[:5]]), "failing_rows": len(bad)},
    )


def _offsets_check(table: str):
    @dg.asset_check(asset=table, name=f"{table}_offsets_slice_text", blocking=True, partitions_def=batches,
                    description=f"substring(documents.text, start + 1, end - start) = {table}.text for every row.")
    def check(context: dg.AssetCheckExecutionContext, folders: WarehouseResource) -> dg.AssetCheckResult:
        wh = folders.warehouse()
        batch = context.partition_key
        bad = _failures("checks/offsets_slice_text.sql", {
            "segments": str(wh.batch_file(batch, table)), "documents": str(wh.batch_file(batch, "documents"))})
        return _result(bad, f"every {table} row slices its document's text",
                       f"{table} rows whose offsets do not slice documents.text: the segmenter is broken; "
                       "the batch is not committed")

    return check


paragraphs_offsets = _offsets_check("paragraphs")
sentences_offsets = _offsets_check("sentences")


@dg.asset_check(asset="sentences", blocking=True, partitions_def=batches,
                description="No sentence is empty or whitespace only.")
def sentences_not_empty(context: dg.AssetCheckExecutionContext, folders: WarehouseResource) -> dg.AssetCheckResult:
    wh = folders.warehouse()
    bad = _failures("checks/empty_sentences.sql", {"sentences": str(wh.batch_file(context.partition_key, "sentences"))})
    return _result(bad, "no empty sentence", "empty sentences found; the batch is not committed")


@dg.asset_check(asset="documents", blocking=True, partitions_def=batches,
                description="doc_id is unique across the warehouse once this batch is in.")
def documents_doc_id_unique(context: dg.AssetCheckExecutionContext, folders: WarehouseResource) -> dg.AssetCheckResult:
    wh = folders.warehouse()
    batch = context.partition_key
    bad = _failures("checks/duplicate_doc_ids.sql", {
        "batch": str(wh.batch_file(batch, "documents")),
        "committed": str(wh.table_dir("documents") / "*.parquet"),
        "batch_id": batch,
    })
    return _result(bad, "every doc_id is unique", "duplicate doc_ids; the batch is not committed")

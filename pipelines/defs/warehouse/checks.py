"""Checks on each batch before it is committed: each tests one property, in SQL over the batch's files.

They are blocking checks of the assets they test, evaluated in the step that stages those assets
(``clean``: documents, paragraphs and sentences), right after the staging: a check of its own was a
Dagster step each, four a batch, ~60-80 ms apiece on all of Reuters (session 23). A failed check fails
that step, so nothing downstream runs and the batch is not committed."""


import dagster as dg

from pipelines.lib import database, parallel
from pipelines.lib.storage import Warehouse


def _result(spec: dg.AssetCheckSpec, bad: list[tuple], ok: str, broken: str) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        asset_key=spec.asset_key,
        check_name=spec.name,
        passed=not bad,
        severity=dg.AssetCheckSeverity.ERROR,
        description=ok if not bad else broken,
        metadata={"examples": dg.MetadataValue.json([list(map(str, r)) for r in bad[:5]]), "failing_rows": len(bad)},
    )


def _offsets_spec(table: str) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(f"{table}_offsets_slice_text", asset=table, blocking=True,
                             description=f"substring(documents.text, start + 1, end - start) = {table}.text for every row.")


DOC_ID_UNIQUE = dg.AssetCheckSpec("documents_doc_id_unique", asset="documents", blocking=True,
                                  description="doc_id is unique across the warehouse once this batch is in.")
PARAGRAPHS_OFFSETS = _offsets_spec("paragraphs")
SENTENCES_OFFSETS = _offsets_spec("sentences")
SENTENCES_NOT_EMPTY = dg.AssetCheckSpec("sentences_not_empty", asset="sentences", blocking=True,
                                        description="No sentence is empty or whitespace only.")
SPECS = [DOC_ID_UNIQUE, PARAGRAPHS_OFFSETS, SENTENCES_OFFSETS, SENTENCES_NOT_EMPTY]


def batch_checks(wh: Warehouse, batch: str) -> list[dg.AssetCheckResult]:
    """Every check of ``SPECS`` on the batch's staged files, in one call of the warehouse process
    (``parallel.isolated``: the doc_id check reads every committed doc_id, and run in this process its
    DuckDB query's memory raised the step's top with the corpus; traced, all of Reuters in batches of
    1,000: 220.5 MiB at the first two batches, up to 228.3 later, the top of the whole run)."""
    documents = str(wh.batch_file(batch, "documents"))
    queries = [
        ("checks/duplicate_doc_ids.sql", {"batch": documents, "committed": str(wh.table_dir("documents") / "*.parquet"),
                                          "batch_id": batch}),
        *(("checks/offsets_slice_text.sql", {"segments": str(wh.batch_file(batch, table)), "documents": documents})
          for table in ("paragraphs", "sentences")),
        ("checks/empty_sentences.sql", {"sentences": str(wh.batch_file(batch, "sentences"))}),
    ]
    doc_ids, paragraphs, sentences, empty = parallel.isolated(database.failures_of, queries)
    return [
        _result(DOC_ID_UNIQUE, doc_ids, "every doc_id is unique", "duplicate doc_ids; the batch is not committed"),
        *(_result(spec, bad, f"every {table} row slices its document's text",
                  f"{table} rows whose offsets do not slice documents.text: the segmenter is broken; "
                  "the batch is not committed")
          for spec, table, bad in ((PARAGRAPHS_OFFSETS, "paragraphs", paragraphs), (SENTENCES_OFFSETS, "sentences", sentences))),
        _result(SENTENCES_NOT_EMPTY, empty, "no empty sentence", "empty sentences found; the batch is not committed"),
    ]

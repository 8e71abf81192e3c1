"""Helpers the asset modules share: staging a table with metadata, and skipping committed batches."""


import dagster as dg
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipelines.lib.schemas import table_from_rows
from pipelines.lib.storage import Warehouse

PREVIEW_ROWS = 5


def stage(context: dg.AssetExecutionContext, wh: Warehouse, table: str, rows: list[dict] | pa.Table,
          **extra) -> dg.MaterializeResult:
    """Write a batch's rows of ``table`` to staging and describe them for the UI."""
    data = rows if isinstance(rows, pa.Table) else table_from_rows(table, rows)
    path = wh.stage(context.partition_key, table, data)
    preview = data.slice(0, PREVIEW_ROWS).drop_columns(
        [c for c in ("raw_text", "text") if c in data.column_names and table in ("raw_documents", "documents")]
    )
    return _result(table, path, data.num_rows, preview, extra)


def staged(context: dg.AssetExecutionContext, wh: Warehouse, table: str, rows: int, **extra) -> dg.MaterializeResult:
    """Describe a batch's file of ``table`` staged already (streamed to disk): its rows, and a preview
    read back from its first row group."""
    path = wh.staging_dir(context.partition_key) / f"{table}.parquet"
    with pq.ParquetFile(path) as pf:
        preview = pf.read_row_group(0).slice(0, PREVIEW_ROWS) if pf.num_row_groups else pf.schema_arrow.empty_table()
    return _result(table, path, rows, preview, extra)


def _result(table: str, path, rows: int, preview: pa.Table, extra: dict) -> dg.MaterializeResult:
    return dg.MaterializeResult(
        asset_key=table,
        metadata={
            "rows": dg.MetadataValue.int(rows),
            "staged_at": dg.MetadataValue.path(str(path)),
            "preview": dg.MetadataValue.md(_markdown(preview)),
            **extra,
        },
    )


def total(table: pa.Table, column: str) -> int:
    """The sum of a numeric ``column`` (0 for no rows), for progress and metadata."""
    return pc.sum(table.column(column)).as_py() or 0


def counts(table: pa.Table, column: str) -> dict:
    """How many rows have each value of ``column``, for an asset's metadata."""
    return {v["values"]: v["counts"] for v in pc.value_counts(table.column(column)).to_pylist()}


def committed_results(context: dg.AssetExecutionContext, wh: Warehouse, tables: list[str]):
    """Results for a re-run of a batch that is already in the warehouse: nothing to do, and each of
    the step's blocking checks passed (they checked the batch before its commit)."""
    context.log.info(f"batch {context.partition_key} is already committed; nothing to do")
    return [dg.MaterializeResult(asset_key=t, metadata={"skipped": "batch already committed"}) for t in tables] + [
        dg.AssetCheckResult(asset_key=c.asset_key, check_name=c.name, passed=True,
                            description="batch already committed; checked before its commit")
        for c in context.assets_def.check_specs]


def _markdown(table: pa.Table) -> str:
    if table.num_rows == 0:
        return "(no rows)"
    cols = table.column_names
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in table.to_pylist():
        cells = [str(row[c]).replace("|", "\\|").replace("\n", " ")[:80] for c in cols]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)

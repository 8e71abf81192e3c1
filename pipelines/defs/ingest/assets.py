"""Ingest: the batch's raw files read and decoded into raw_documents, rejected and the files ledger."""


from datetime import UTC, datetime
from pathlib import Path

import dagster as dg

from pipelines.defs.common import committed_results, stage
from pipelines.defs.partitions import batches
from pipelines.defs.resources import WarehouseResource
from pipelines.lib import faults, parallel
from pipelines.lib.ingest import FileEntry, read_files
from pipelines.lib.planning import known_doc_ids
from pipelines.lib.progress import Progress

TABLES = ["raw_documents", "rejected", "files"]


@dg.multi_asset(
    specs=[
        dg.AssetSpec("raw_documents", group_name="ingest", kinds={"parquet", "python"},
                     description="One row per ingested document: decoded text, untouched, with its content hash as doc_id."),
        dg.AssetSpec("rejected", group_name="ingest", kinds={"parquet"},
                     description="Input that could not be used (binary, empty, undecodable, broken JSON), with a reason."),
        dg.AssetSpec("files", group_name="ingest", kinds={"parquet"},
                     description="The ledger of raw files seen (path, size, mtime, hash, status): what makes runs incremental."),
    ],
    partitions_def=batches,
)
def ingest(context: dg.AssetExecutionContext, folders: WarehouseResource):
    """Read the files planned for this batch, decode them whatever their encoding, and drop documents
    whose content is already in the warehouse."""
    wh = folders.warehouse()
    batch_id = context.partition_key
    if wh.is_committed(batch_id):
        yield from committed_results(context, wh, TABLES)
        return
    wh.init()  # schema files, so every check and view binds even on a fresh warehouse
    manifest = wh.read_manifest(batch_id)
    entries = [FileEntry(**f) for f in manifest["files"]]
    progress = Progress("ingest", len(entries), context.log.info, unit="files")
    result = read_files(
        Path(manifest["raw_dir"]), entries, now=datetime.now(UTC), batch_id=batch_id,
        known_doc_ids=lambda ids: parallel.isolated(known_doc_ids, wh, ids), progress=lambda done, total: progress.update(),
    )
    progress.finish()
    faults.point("ingest")
    reasons: dict[str, int] = {}
    for r in result.rejected:
        reasons[r["reason"]] = reasons.get(r["reason"], 0) + 1
    yield stage(context, wh, "raw_documents", result.documents,
                bytes=dg.MetadataValue.int(sum(d["n_bytes"] for d in result.documents)))
    yield stage(context, wh, "rejected", result.rejected, reasons=dg.MetadataValue.json(reasons))
    yield stage(context, wh, "files", result.files)

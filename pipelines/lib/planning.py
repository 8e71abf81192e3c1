"""Turning new raw files into planned batches (manifests) in the warehouse."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from pipelines.lib import settings
from pipelines.lib.ingest import batch_id_for, discover, manifest_for, plan_batches
from pipelines.lib.storage import LEDGER_TABLE, Warehouse


def seen_files(warehouse: Warehouse) -> set[tuple[str, int, int]]:
    """(path, size, mtime_ns) of every raw file already recorded in the ledger."""
    ledger = warehouse.read_committed(LEDGER_TABLE, columns=["path", "size", "mtime_ns"])
    return set(zip(*(ledger.column(c).to_pylist() for c in ("path", "size", "mtime_ns")), strict=True))


def plan_new_batches(
    raw_dir: Path, warehouse: Warehouse, *, max_files: int | None = None, max_bytes: int | None = None,
    max_batches: int | None = None, now: datetime | None = None,
) -> list[str]:
    """Write a manifest for each batch of new files and return the new batch ids (oldest first).

    Files already in the ledger (same path, size and mtime) or in a pending batch are not planned
    again; at most ``max_batches`` batches are planned (the rest wait for the next call).
    """
    raw_dir = Path(raw_dir)
    raw_dir.mkdir(parents=True, exist_ok=True)
    now = now or datetime.now(UTC)
    files, size = settings.batch_limits()
    groups = plan_batches(discover(raw_dir), seen_files(warehouse), warehouse.pending_paths(),
                          max_files=max_files or files, max_bytes=max_bytes or size)
    if max_batches is not None:
        groups = groups[:max_batches]
    ids = []
    for i, entries in enumerate(groups):
        batch_id = batch_id_for(entries, now, i)
        warehouse.write_manifest(batch_id, manifest_for(entries, raw_dir, now))
        ids.append(batch_id)
    return ids


def known_doc_ids(warehouse: Warehouse, candidates: set[str]) -> set[str]:
    """The subset of ``candidates`` already committed to ``raw_documents``."""
    if not candidates:
        return set()
    ids = warehouse.read_committed("raw_documents", columns=["doc_id"]).column("doc_id")
    mask = pc.is_in(ids, value_set=pa.array(sorted(candidates)))
    return set(pc.filter(ids, mask).to_pylist())


def committed_meanwhile(warehouse: Warehouse, batch_id: str) -> set[str]:
    """The documents staged for ``batch_id`` that another run has committed since this batch read them."""
    staged = warehouse.read_batch(batch_id, "raw_documents", columns=["doc_id"]).column("doc_id")
    return known_doc_ids(warehouse, set(staged.to_pylist()))

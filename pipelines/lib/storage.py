"""The warehouse on disk: atomic Parquet writes, per-batch staging and commit, recovery, a run lock.

Layout under the warehouse root::

    <table>/<batch_id>.parquet     committed rows of one ingest batch
    <table>/c-<first>--<last>.parquet  small batch files compacted into one
    <table>/_schema.parquet        zero rows, the current schema: views work on an empty table
    _batches/<batch_id>.json       the manifest of a planned batch: which raw files it takes
    _batches/<batch_id>.committed  written once every file of the batch is in place
    _compaction.json               the journal of a compaction under way
    _staging/<batch_id>/           a batch being built; COMMITTED marks it complete
    warehouse.duckdb               views and macros over the Parquet files
    .lock                          held by the run that writes

A batch becomes visible only by ``commit``: the marker is written first, then every staged file is
renamed into place. A crash before the marker leaves nothing visible (the staging is discarded and
the batch re-run); a crash after it is rolled forward by ``recover``. Compaction merges many small
batch files of a table into one, journalled the same way, so the number of files stays bounded.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipelines.lib import faults
from pipelines.lib.schemas import MAX_GROUP_ROWS, SCHEMAS, SNAPSHOT_TABLES, SORT_KEYS, write_options

COMMIT_MARKER = "COMMITTED"
COMPACT_FROM_FILES = 12  # a table with more batch files than this is compacted ...
COMPACT_MAX_BYTES = 256 * 1024 * 1024  # ... merging files smaller than this, together
ROW_GROUP_ROWS = 64_000  # rows per Parquet row group, in every file the warehouse writes
_HELD: dict[Path, int] = {}  # lock files this process holds, with their depth
# The ledger of raw files moves last, so "files/<batch>.parquet exists" means the batch is in.
LEDGER_TABLE = "files"


@contextlib.contextmanager
def written_aside(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write the new file to; once written, it is synced and
    renamed onto ``path``, so that readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    yield tmp
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_parquet_atomic(data: pa.Table, path: Path, table: str = "") -> None:
    """Write ``data`` to ``path`` atomically (``written_aside``), as the files of ``table`` are
    written (codec, dictionaries, row groups; the warehouse's defaults without it)."""
    with written_aside(path) as tmp:
        pq.write_table(data, tmp, row_group_size=group_rows(table), **write_options(table, data.schema))


def conformed(batch: pa.RecordBatch, schema: pa.Schema) -> pa.RecordBatch:
    """``batch`` with ``schema``'s columns, in its order and types; a column the batch lacks (a file
    written before the column existed) is NULL."""
    cols = [batch.column(f.name).cast(f.type) if f.name in batch.schema.names else pa.nulls(batch.num_rows, f.type)
            for f in schema]
    return pa.RecordBatch.from_arrays(cols, schema=schema)


# Rows read from each file at a time when merging sorted files (at most): a merge holds a piece of
# every file at once. Merging 12 postings files of 13,000 Reuters bodies: +40 MiB resident at 16,384
# rows (0.85 s), +31 at 4,096 (0.9-1.2 s), +29-30 at 2,048 (1.3-1.5 s).
MERGE_READ_ROWS = 4_096
GROUP_BYTES = 32 * 1024 * 1024  # a merged file's row group is written once its rows hold this much (documents' texts)
READ_BYTES = 1024 * 1024  # what one read of a file decodes at a time, about (see read_batches)


def group_rows(table: str) -> int:
    """Rows per row group in ``table``'s files: ``ROW_GROUP_ROWS``, fewer for wide rows (schemas.MAX_GROUP_ROWS)."""
    return min(ROW_GROUP_ROWS, MAX_GROUP_ROWS.get(table, ROW_GROUP_ROWS))


def read_batches(path: Path, columns: list[str] | None = None, most: int | None = None) -> Iterator[pa.RecordBatch]:
    """The rows of a Parquet file a piece at a time, each about ``READ_BYTES`` decoded (at most ``most``
    rows): reading in pieces sized by rows alone took ~6x the signatures' size in memory (8,192
    MinHash rows: +57 MiB; 1,024: +18 MiB)."""
    with pq.ParquetFile(path, buffer_size=READ_BYTES, pre_buffer=False) as pf:
        meta = pf.metadata
        wanted = set(columns) if columns is not None else None
        size = sum(rg.column(c).total_uncompressed_size for rg in (meta.row_group(i) for i in range(meta.num_row_groups))
                   for c in range(rg.num_columns) if wanted is None or rg.column(c).path_in_schema.split(".")[0] in wanted)
        rows = max(64, min(most or ROW_GROUP_ROWS, READ_BYTES * max(1, meta.num_rows) // max(1, size)))
        yield from pf.iter_batches(batch_size=rows, columns=columns)


def _rows_at_most(t: pa.Table, keys: tuple[str, ...], bound: tuple) -> int:
    """How many leading rows of ``t``, sorted by ``keys``, have a key (compared in order) <= ``bound``:
    a binary search, ~log2(rows) keys read. Compute kernels over every row did this before and took
    about half the merge (13 postings files of Reuters, 1.48M rows: 2.7-3.0 s then, 1.1-1.4 s now)."""
    cols = [t.column(k) for k in keys]
    lo, hi = 0, t.num_rows
    while lo < hi:
        mid = (lo + hi) // 2
        if tuple(c[mid].as_py() for c in cols) <= bound:
            lo = mid + 1
        else:
            hi = mid
    return lo


def merge_sorted(streams: list[Iterator[pa.RecordBatch]], keys: tuple[str, ...]) -> Iterator[pa.Table]:
    """The rows of ``streams``, each sorted by ``keys``, in one sorted stream (a k-way merge by blocks).

    Every round takes, from every stream, the rows up to the smallest of the last keys read (no unread
    row can sort before them), sorts those and yields them; the stream whose last key that was has
    given all it read, so each round moves on. Memory: a piece a stream, whatever their length. Keys
    must not be NULL."""
    readers: list[Iterator[pa.RecordBatch] | None] = list(streams)
    held: list[pa.Table | None] = [None] * len(readers)
    sort = [(k, "ascending") for k in keys]
    while True:
        for i in range(len(readers)):
            while readers[i] is not None and (held[i] is None or held[i].num_rows == 0):
                batch = next(readers[i], None)
                if batch is None:
                    readers[i] = None
                else:
                    held[i] = pa.Table.from_batches([batch])
        live = [i for i in range(len(readers)) if held[i] is not None and held[i].num_rows]
        if not live:
            return
        # the smallest last key of the streams with more to read; all that is held when none has
        last = [tuple(held[i].column(k)[-1].as_py() for k in keys) for i in live if readers[i] is not None]
        bound = min(last) if last else None
        taken = []
        for i in live:
            n = held[i].num_rows if bound is None else _rows_at_most(held[i], keys, bound)
            if n:
                taken.append(held[i].slice(0, n))
            held[i] = held[i].slice(n) if n < held[i].num_rows else None
        if len(taken) == 1:  # one stream's rows, already in order
            yield taken[0]
            continue
        block = pa.concat_tables(taken)
        yield block.take(pc.sort_indices(block, sort_keys=sort))


def _sorted_merge(files: list[Path], keys: tuple[str, ...], conform) -> Iterator[pa.Table]:
    """``merge_sorted`` of ``files``, each read a piece at a time (``read_batches``) and conformed."""
    return merge_sorted([(conform(b) for b in read_batches(p, most=MERGE_READ_ROWS)) for p in files], keys)


def _merge_files(table: str, files: list[Path], out: Path) -> None:
    """Write the rows of ``files`` into ``out``, in file order (or sorted by the table's sort key,
    each file being sorted by it), a row group at a time: the whole table is never held. Measured
    (13 Reuters files merged in a process of its own): +69-73 MiB for postings, +72-82 for
    minhashes, +40-50 for documents, the same with 8 MiB row groups as with 32.

    Each file is cast to the table's schema (a column it lacks is NULL); a file with a column the
    schema does not know keeps it (the union of the files' columns), as a plain concatenation would."""
    schema = SCHEMAS[table]
    for f in (f for p in files for f in pq.read_schema(p)):
        if f.name not in schema.names:
            schema = schema.append(f)

    def conform(batch: pa.RecordBatch) -> pa.RecordBatch:
        return conformed(batch, schema)

    def pieces() -> Iterator[pa.Table]:
        if table in SORT_KEYS:
            yield from _sorted_merge(files, SORT_KEYS[table], conform)
            return
        for path in files:
            for batch in read_batches(path):
                yield pa.Table.from_batches([conform(batch)])

    rows_per_group = group_rows(table)
    with pq.ParquetWriter(out, schema, **write_options(table, schema)) as writer:
        pending = schema.empty_table()
        for piece in pieces():  # row groups of rows_per_group rows, however the input is cut
            pending = pa.concat_tables([pending, piece])
            while pending.num_rows >= rows_per_group or (pending.nbytes >= GROUP_BYTES and pending.num_rows > 1):
                n = min(rows_per_group, pending.num_rows)
                writer.write_table(pending.slice(0, n), row_group_size=n)
                pending = pending.slice(n)
        if pending.num_rows:
            writer.write_table(pending, row_group_size=rows_per_group)
    with open(out, "rb") as fh:
        os.fsync(fh.fileno())


def write_text_atomic(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class Warehouse:
    """A warehouse folder: staging, commit and reads of committed Parquet."""

    def __init__(self, root: Path | str):
        self.root = Path(root).resolve()

    # -- layout ---------------------------------------------------------------------------
    @property
    def duckdb_path(self) -> Path:
        return self.root / "warehouse.duckdb"

    def table_dir(self, table: str) -> Path:
        return self.root / table

    def manifest_path(self, batch_id: str) -> Path:
        return self.root / "_batches" / f"{batch_id}.json"

    def staging_dir(self, batch_id: str) -> Path:
        return self.root / "_staging" / batch_id

    def init(self) -> None:
        """Create the folders and an empty schema file per table (so views always bind)."""
        for name, schema in SCHEMAS.items():
            path = self.table_dir(name) / "_schema.parquet"
            if not path.exists() or pq.read_schema(path) != schema:
                write_parquet_atomic(schema.empty_table(), path, name)

    # -- batches --------------------------------------------------------------------------
    def write_manifest(self, batch_id: str, manifest: dict) -> None:
        write_text_atomic(json.dumps(manifest, indent=1), self.manifest_path(batch_id))

    def read_manifest(self, batch_id: str) -> dict:
        path = self.manifest_path(batch_id)
        if not path.exists():
            raise FileNotFoundError(f"batch {batch_id} has no manifest at {path}; plan it again with `textwarehouse run`")
        return json.loads(path.read_text(encoding="utf-8"))

    def is_committed(self, batch_id: str) -> bool:
        return (self.root / "_batches" / f"{batch_id}.committed").exists()

    def pending_batches(self) -> list[str]:
        """Planned batches that are not committed yet, oldest first."""
        folder = self.root / "_batches"
        if not folder.exists():
            return []
        return sorted(p.stem for p in folder.glob("*.json") if not self.is_committed(p.stem))

    def pending_paths(self) -> set[str]:
        paths: set[str] = set()
        for batch_id in self.pending_batches():
            paths.update(f["path"] for f in self.read_manifest(batch_id)["files"])
        return paths

    # -- staging and commit ---------------------------------------------------------------
    def stage(self, batch_id: str, table: str, data: pa.Table) -> Path:
        data = data.cast(SCHEMAS[table]) if data.schema != SCHEMAS[table] else data
        path = self.staging_dir(batch_id) / f"{table}.parquet"
        write_parquet_atomic(data, path, table)
        return path

    def stage_stream(self, batch_id: str, table: str, pieces: Iterable[pa.Table]) -> int:
        """Stage ``pieces`` as the batch's file of ``table``, each a row group (or more), atomically
        (written aside, then renamed), without holding them all; the rows written."""
        schema = SCHEMAS[table]
        rows = 0
        with written_aside(self.staging_dir(batch_id) / f"{table}.parquet") as tmp, \
                pq.ParquetWriter(tmp, schema, **write_options(table, schema)) as writer:
            for piece in pieces:
                writer.write_table(piece.cast(schema), row_group_size=group_rows(table))
                rows += piece.num_rows
        return rows

    def batch_file(self, batch_id: str, table: str) -> Path:
        """The Parquet file holding a batch's rows of ``table``: staged while building, else committed."""
        staged = self.staging_dir(batch_id) / f"{table}.parquet"
        return staged if staged.exists() else self.table_dir(table) / f"{batch_id}.parquet"

    def read_batch(self, batch_id: str, table: str, columns: list[str] | None = None) -> pa.Table:
        """A batch's rows of ``table``: staged if the batch is being built, else committed. A column of
        ``columns`` that the file lacks (written before the column existed) is NULL."""
        path = self.batch_file(batch_id, table)
        if path.exists():
            if columns is None:
                return pq.read_table(path)
            present = set(pq.read_schema(path).names)
            data = pq.read_table(path, columns=[c for c in columns if c in present])
            for c in columns:
                if c not in present:
                    field = SCHEMAS[table].field(c)
                    data = data.append_column(field, pa.nulls(data.num_rows, field.type))
            return data.select(columns)
        raise FileNotFoundError(
            f"table {table!r} has no rows for batch {batch_id}: materialize its upstream assets for this partition first"
        )

    def drop_documents(self, batch_id: str, doc_ids: set[str]) -> None:
        """Remove ``doc_ids`` from every staged table of a batch (they were committed meanwhile)."""
        import pyarrow.compute as pc

        for path in self.staging_dir(batch_id).glob("*.parquet"):
            data = pq.read_table(path)
            if "doc_id" in data.column_names:
                keep = pc.invert(pc.is_in(data.column("doc_id"), value_set=pa.array(sorted(doc_ids))))
                write_parquet_atomic(data.filter(keep), path, path.stem)

    def commit(self, batch_id: str) -> list[str]:
        """Make a fully staged batch visible: marker first, then renames; the ledger last."""
        staging = self.staging_dir(batch_id)
        if not staging.exists():
            if self.is_committed(batch_id):
                return []
            raise FileNotFoundError(f"batch {batch_id} has nothing staged at {staging}")
        write_text_atomic(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), staging / COMMIT_MARKER)
        return self._roll_forward(batch_id)

    def _roll_forward(self, batch_id: str) -> list[str]:
        staging = self.staging_dir(batch_id)
        tables = sorted(p.stem for p in staging.glob("*.parquet"))
        tables.sort(key=lambda t: t == LEDGER_TABLE)
        for table in tables:
            name = "current" if table in SNAPSHOT_TABLES else batch_id
            target = self.table_dir(table) / f"{name}.parquet"
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / f"{table}.parquet", target)
            faults.point("commit")
        _fsync_dir(self.root)
        write_text_atomic(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), self.root / "_batches" / f"{batch_id}.committed")
        shutil.rmtree(staging, ignore_errors=True)
        return tables

    def recover(self) -> dict[str, list[str]]:
        """After a crash: finish commits that had begun, discard staging that had not."""
        done: dict[str, list[str]] = {"rolled_forward": [], "discarded": []}
        folder = self.root / "_staging"
        if not folder.exists():
            return done
        for staging in sorted(p for p in folder.iterdir() if p.is_dir()):
            if (staging / COMMIT_MARKER).exists():
                self._roll_forward(staging.name)
                done["rolled_forward"].append(staging.name)
            else:
                shutil.rmtree(staging, ignore_errors=True)
                done["discarded"].append(staging.name)
        self._finish_compaction()  # before the sweep of temporary files: it may need its merged file
        for tmp in self.root.glob("*/.*.tmp"):
            tmp.unlink(missing_ok=True)
        return done

    # -- compaction -----------------------------------------------------------------------------
    def compact_tables(self, tables: Iterable[str]) -> dict[str, tuple[int, str]]:
        """``compact`` each of ``tables``: what was merged, by table."""
        return {t: c for t in tables if (c := self.compact(t))}

    def compact(self, table: str) -> tuple[int, str] | None:
        """Merge the table's small batch files into one when there are too many of them.

        Journalled: the journal names the merged file and the files it replaces; the merged file is
        renamed into place, then the replaced files are removed, then the journal. ``recover`` finishes
        a compaction cut short (or drops it if the merged file never made it)."""
        if table in SNAPSHOT_TABLES:
            return None
        small = [p for p in self.committed_files(table) if p.stat().st_size < COMPACT_MAX_BYTES and p.name != "current.parquet"]
        if len(small) <= COMPACT_FROM_FILES:
            return None
        chunk, size = [], 0
        for p in small:  # oldest first; stop at the size cap
            if chunk and size + p.stat().st_size > COMPACT_MAX_BYTES:
                break
            chunk.append(p)
            size += p.stat().st_size
        if len(chunk) < 2:
            return None
        first, last = chunk[0].stem.removeprefix("c-").split("--")[0], chunk[-1].stem.removeprefix("c-").split("--")[-1]
        target = self.table_dir(table) / f"c-{first}--{last}.parquet"
        tmp = target.with_name(f".{target.name}.compact.tmp")
        _merge_files(table, chunk, tmp)
        journal = {"table": table, "tmp": str(tmp), "target": str(target), "replaces": [str(p) for p in chunk]}
        write_text_atomic(json.dumps(journal), self.root / "_compaction.json")
        self._finish_compaction()
        return len(chunk), target.name

    def _finish_compaction(self) -> None:
        path = self.root / "_compaction.json"
        if not path.exists():
            return
        journal = json.loads(path.read_text())
        tmp, target = Path(journal["tmp"]), Path(journal["target"])
        if tmp.exists():
            os.replace(tmp, target)
        if target.exists():
            for old in journal["replaces"]:
                if Path(old) != target:
                    Path(old).unlink(missing_ok=True)
        _fsync_dir(target.parent)
        path.unlink(missing_ok=True)

    # -- reads of committed data -----------------------------------------------------------
    def committed_files(self, table: str) -> list[Path]:
        return sorted(p for p in self.table_dir(table).glob("*.parquet") if not p.name.startswith("_"))

    def read_committed(self, table: str, columns: list[str] | None = None) -> pa.Table:
        files = self.committed_files(table)
        if not files:
            schema = SCHEMAS[table]
            return schema.empty_table().select(columns) if columns else schema.empty_table()
        return pa.concat_tables(
            [pq.read_table(f, columns=columns) for f in files], promote_options="permissive"
        )

    @contextlib.contextmanager
    def lock(self, *, wait: bool = True, say=None) -> Iterator[bool]:
        """Hold the warehouse's write lock; yields False when ``wait`` is off and another run holds it.

        Re-entrant within a process: a commit inside a run started by the CLI, which already holds
        the lock, does not wait on itself.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / ".lock"
        if _HELD.get(path, 0):
            _HELD[path] += 1
            try:
                yield True
            finally:
                _HELD[path] -= 1
            return
        with open(path, "a") as fh:  # only flock: the file's content and mtime never change
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not wait:
                    yield False
                    return
                (say or (lambda m: print(m, file=sys.stderr)))(
                    f"waiting for another textwarehouse run to finish (it holds the lock {path})..."
                )
                fcntl.flock(fh, fcntl.LOCK_EX)
            _HELD[path] = 1
            try:
                yield True
            finally:
                _HELD[path] = 0
                fcntl.flock(fh, fcntl.LOCK_UN)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

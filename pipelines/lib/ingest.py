"""Finding new raw files, planning them into batches, and reading them into raw documents.

Nothing here knows about Dagster; the ingest assets and the sensor call these functions.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from pipelines.lib import settings
from pipelines.lib.decoding import DecodeError, decode
from pipelines.lib.privacy import redact_raw

FORMATS = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
MAX_FILE_BYTES = 256 * 1024 * 1024  # a JSONL file may hold many documents
# One document is an article, not a book: beyond this its NLP would take minutes and its sentences
# would not be news. Configurable with TEXTWAREHOUSE_MAX_DOC_BYTES.
MAX_DOCUMENT_BYTES = settings.positive_int("TEXTWAREHOUSE_MAX_DOC_BYTES", 2 * 1024 * 1024)


@dataclass(frozen=True)
class FileEntry:
    """A file found under the raw folder: its path relative to it, size and mtime at discovery."""

    path: str
    size: int
    mtime_ns: int
    error: str | None = None  # set when the file could not even be looked at

    def key(self) -> tuple[str, int, int]:
        return (self.path, self.size, self.mtime_ns)


def discover(raw_dir: Path) -> list[FileEntry]:
    """Every candidate file under ``raw_dir``, recursively, sorted by path.

    Hidden files and folders are skipped; symbolic links to folders are not followed (no loops);
    a link that cannot be resolved becomes an entry with ``error`` set.
    """
    raw_dir = Path(raw_dir)
    entries: list[FileEntry] = []
    for folder, dirs, files in os.walk(raw_dir, followlinks=False, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            full = Path(folder) / name
            rel = full.relative_to(raw_dir).as_posix()
            try:
                st = full.stat()
            except OSError as exc:
                entries.append(FileEntry(rel, 0, 0, _os_error(exc)))
                continue
            if not stat.S_ISREG(st.st_mode):
                continue
            entries.append(FileEntry(rel, st.st_size, st.st_mtime_ns))
        # a symlink to a folder appears in ``dirs``: report a loop rather than skip it silently
        for d in list(dirs):
            full = Path(folder) / d
            if full.is_symlink():
                dirs.remove(d)
                try:
                    full.resolve(strict=True)
                except (OSError, RuntimeError) as exc:
                    entries.append(FileEntry(full.relative_to(raw_dir).as_posix(), 0, 0, _os_error(exc)))
    return sorted(entries, key=lambda e: e.path)


def plan_batches(
    entries: Iterable[FileEntry],
    seen: set[tuple[str, int, int]],
    pending: set[str],
    *,
    max_files: int = 2000,
    max_bytes: int = 64 * 1024 * 1024,
) -> list[list[FileEntry]]:
    """Group the files that are new (not in ``seen`` by path, size and mtime, not already pending)."""
    batches: list[list[FileEntry]] = []
    current: list[FileEntry] = []
    size = 0
    for entry in entries:
        if entry.key() in seen or entry.path in pending:
            continue
        if current and (len(current) >= max_files or size + entry.size > max_bytes):
            batches.append(current)
            current, size = [], 0
        current.append(entry)
        size += entry.size
    if current:
        batches.append(current)
    return batches


def batch_id_for(entries: list[FileEntry], now: datetime, index: int = 0) -> str:
    digest = hashlib.sha256("\n".join(f"{e.path}:{e.size}:{e.mtime_ns}" for e in entries).encode()).hexdigest()
    return f"{now:%Y%m%dT%H%M%S}-{index:03d}-{digest[:8]}"


def manifest_for(entries: list[FileEntry], raw_dir: Path, now: datetime) -> dict:
    return {"raw_dir": str(Path(raw_dir).resolve()), "planned_at": now.isoformat(), "files": [asdict(e) for e in entries]}


# -- reading ---------------------------------------------------------------------------------


@dataclass
class ReadResult:
    documents: list[dict]
    rejected: list[dict]
    files: list[dict]


def content_id(sha256_hex: str) -> str:
    return sha256_hex[:16]


def read_files(
    raw_dir: Path,
    entries: list[FileEntry],
    *,
    now: datetime,
    batch_id: str,
    known_doc_ids: Callable[[set[str]], set[str]],
    progress: Callable[[int, int], None] | None = None,
) -> ReadResult:
    """Read, decode and split the batch's files into raw document rows.

    Documents whose ``doc_id`` is already in the warehouse (``known_doc_ids``) or earlier in this
    batch are not repeated. Unusable input becomes a ``rejected`` row; a file that changed while
    it was read is rejected without being recorded as seen, so the next run reads it again.
    """
    result = ReadResult([], [], [])
    per_file: list[tuple[FileEntry, list[dict], str | None, str]] = []
    for i, entry in enumerate(entries):
        docs, problems, digest, status, settled = _read_one(Path(raw_dir), entry, now)
        for p in problems:
            p.update(seen_at=now, batch_id=batch_id)
        result.rejected.extend(problems)
        if settled:
            per_file.append((entry, docs, digest, status))
        if progress:
            progress(i + 1, len(entries))
    every_id = {d["doc_id"] for _, docs, _, _ in per_file for d in docs}
    taken = known_doc_ids(every_id) if every_id else set()
    for entry, docs, digest, status in per_file:
        fresh = []
        for doc in docs:
            if doc["doc_id"] in taken:
                continue  # already in the warehouse, or earlier in this batch
            taken.add(doc["doc_id"])
            doc.update(batch_id=batch_id, ingested_at=now)
            fresh.append(doc)
        result.documents.extend(fresh)
        if status == "ingested" and docs and not fresh:
            status = "duplicate"
        result.files.append(
            dict(path=entry.path, size=entry.size, mtime_ns=entry.mtime_ns, sha256=digest, status=status,
                 n_documents=len(fresh), batch_id=batch_id, seen_at=now)
        )
    return result


def _read_one(raw_dir: Path, entry: FileEntry, now: datetime):
    """-> (documents, rejections, sha256, status, settled)."""
    source = entry.path
    if entry.error:
        return [], [_reject(source, "unreadable", entry.error)], None, "rejected", True
    fmt = FORMATS.get(Path(source).suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        return [], [_reject(source, "unsupported_format", f"files ending in {Path(source).suffix or '(no extension)'} are not read; use one of {known}")], None, "rejected", True
    full = raw_dir / source
    try:
        before = full.stat()
        if before.st_size > MAX_FILE_BYTES:
            return [], [_reject(source, "too_large", f"{before.st_size / 2**20:.0f} MiB is over the {MAX_FILE_BYTES // 2**20} MiB limit; split the file")], None, "rejected", True
        data = full.read_bytes()
        after = full.stat()
    except OSError as exc:
        return [], [_reject(source, "unreadable", _os_error(exc))], None, "rejected", True
    if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns) or len(data) != after.st_size:
        return [], [_reject(source, "changed_while_reading", "the file changed while it was read; it will be read again by the next run")], None, "rejected", False
    digest = hashlib.sha256(data).hexdigest()
    if fmt != "jsonl" and len(data) > MAX_DOCUMENT_BYTES:
        return [], [_reject(source, "too_large", f"{len(data) / 2**20:.1f} MiB is more than one document should be "
                            f"(limit {MAX_DOCUMENT_BYTES / 2**20:.0f} MiB, TEXTWAREHOUSE_MAX_DOC_BYTES); split the file "
                            "into articles")], digest, "rejected", True
    if fmt == "jsonl":
        docs, problems = _read_jsonl(source, data)
        status = "ingested" if docs else "rejected"
        if not docs and not problems:
            problems = [_reject(source, "empty", "the JSONL file holds no lines")]
        return docs, problems, digest, status, True
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        return [], [_reject(source, exc.reason, str(exc))], digest, "rejected", True
    doc = dict(doc_id=content_id(digest), source=source, format=fmt, sha256=digest, n_bytes=len(data),
               raw_text=redact_raw(text), encoding=encoding)
    return [doc], [], digest, "ingested", True


def _read_jsonl(source: str, data: bytes) -> tuple[list[dict], list[dict]]:
    docs: list[dict] = []
    problems: list[dict] = []
    try:
        text, _ = decode(data)
    except DecodeError as exc:
        return [], [_reject(source, exc.reason, str(exc))]
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}#{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(_reject(where, "broken_json", f"line {lineno} is not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(record, dict):
            problems.append(_reject(where, "broken_json", f"line {lineno} is a JSON {type(record).__name__}, not an object"))
            continue
        body = record.get("text") if record.get("text") is not None else record.get("html")
        if not isinstance(body, str) or not body.strip():
            problems.append(_reject(where, "no_text", f'line {lineno} has no non-empty "text" or "html" field'))
            continue
        if len(body) > MAX_DOCUMENT_BYTES:
            problems.append(_reject(where, "too_large", f"line {lineno} holds {len(body) / 2**20:.1f} MiB of text, more "
                                    f"than one document should be (TEXTWAREHOUSE_MAX_DOC_BYTES); split it"))
            continue
        rid = record.get("id")
        named = f"{source}#{rid}" if rid not in (None, "") else where  # the document's source
        published, day, problem = _parse_timestamp(record.get("published_at"))
        if problem:
            problems.append(_reject(named, "bad_published_at", f"line {lineno}: {problem}; the document is kept without a date"))
        content = {k: v for k, v in record.items() if k != "id"}
        canonical = json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")
        digest = hashlib.sha256(canonical).hexdigest()
        docs.append(
            dict(
                doc_id=content_id(digest),
                source=named,
                format="html" if record.get("text") is None else "text",
                sha256=digest,
                n_bytes=len(canonical),
                raw_text=redact_raw(body),
                encoding="utf-8",
                url=_str_or_none(record.get("url")),
                meta_title=_str_or_none(record.get("title")),
                meta_author=_str_or_none(record.get("author")),
                meta_published_at=published,
                meta_published_date=day,
            )
        )
    return docs, problems


def _parse_timestamp(value) -> tuple[datetime | None, date | None, str | None]:
    """``(the moment in UTC, the day where it was written, a problem)`` of an ISO 8601 ``published_at``:
    "2024-03-07T23:30:00-05:00" is 04:30 UTC on 8 March, written on 7 March."""
    if value in (None, ""):
        return None, None, None
    try:
        ts = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None, None, f"published_at {value!r} is not an ISO 8601 date"
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    return ts.astimezone(UTC), ts.date(), None


def _str_or_none(value) -> str | None:
    """A field as text: a list (``"author": ["Ann Lee", "Bo Chen"]``) as its items joined by commas."""
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value if v not in (None, ""))
    return None if value in (None, "") else str(value)


def _reject(source: str, reason: str, detail: str) -> dict:
    return dict(source=source, reason=reason, detail=detail)


def _os_error(exc: BaseException) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied: the pipeline's user cannot read this file (fix its permissions)"
    if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == 40:
        return "symbolic link loop: the link points back into itself"
    if isinstance(exc, FileNotFoundError):
        return "the file vanished or is a broken symbolic link"
    return f"{type(exc).__name__}: {exc}"

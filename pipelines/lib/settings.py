"""Where things live: the raw folder and the warehouse, from the environment or the defaults."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
RAW_ENV = "TEXTWAREHOUSE_RAW"
WAREHOUSE_ENV = "TEXTWAREHOUSE_DIR"


def raw_dir(value: str | os.PathLike | None = None) -> Path:
    """The raw folder: ``value``, else ``$TEXTWAREHOUSE_RAW``, else ``data/raw`` under the project root."""
    return _resolve(value or os.environ.get(RAW_ENV), PROJECT_ROOT / "data" / "raw")


def warehouse_dir(value: str | os.PathLike | None = None) -> Path:
    """The warehouse folder: ``value``, else ``$TEXTWAREHOUSE_DIR``, else ``data/warehouse``."""
    return _resolve(value or os.environ.get(WAREHOUSE_ENV), PROJECT_ROOT / "data" / "warehouse")


def batch_limits() -> tuple[int, int]:
    """(files, bytes) one batch may hold: ``$TEXTWAREHOUSE_BATCH_FILES`` (default 2,000) and
    ``$TEXTWAREHOUSE_BATCH_BYTES`` (default 4 MiB of raw input). The byte cap bounds what a step
    holds at once (a single larger file is a batch alone); with batches of one size, the run's peak
    hardly grows with the corpus (README, Known limits: x1.01-1.02 from 2,000 Reuters documents to all
    of them in session 22, x1.023 in session 24)."""
    return positive_int("TEXTWAREHOUSE_BATCH_FILES", 2000), positive_int("TEXTWAREHOUSE_BATCH_BYTES", 4 * 1024 * 1024)


def positive_int(name: str, default: int) -> int:
    """The positive whole number in ``$name``, else ``default``; a clear error for anything else."""
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a whole number; unset it or give a positive integer") from None
    if value < 1:
        raise ValueError(f"{name}={raw!r} must be at least 1")
    return value


def dagster_home() -> Path:
    return Path(os.environ.get("DAGSTER_HOME") or PROJECT_ROOT / ".dagster").resolve()


def cache_dir() -> Path:
    """Derived data worth keeping between runs (safe to delete): ``$TEXTWAREHOUSE_CACHE``, else
    ``$XDG_CACHE_HOME/textwarehouse``, else ``~/.cache/textwarehouse``."""
    if os.environ.get("TEXTWAREHOUSE_CACHE"):
        return Path(os.environ["TEXTWAREHOUSE_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "textwarehouse"


def _resolve(value, default: Path) -> Path:
    return (Path(value).expanduser() if value else default).resolve()

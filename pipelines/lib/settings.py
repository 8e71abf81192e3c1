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


def dagster_home() -> Path:
    return Path(os.environ.get("DAGSTER_HOME") or PROJECT_ROOT / ".dagster").resolve()


def _resolve(value, default: Path) -> Path:
    return (Path(value).expanduser() if value else default).resolve()

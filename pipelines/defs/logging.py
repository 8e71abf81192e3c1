"""A console logger that prints our progress lines plainly and framework events only when they matter."""


import logging
import sys

import dagster as dg


class _UserMessages(logging.Filter):
    """Our own progress lines and warnings; no framework events, and no error cascade ("Dependencies for
    step ... Not executing"): the command prints one line saying what failed, the UI keeps the details."""

    def filter(self, record: logging.LogRecord) -> bool:
        meta = getattr(record, "dagster_meta", None) or {}
        return record.levelno < logging.ERROR and not meta.get("dagster_event")


class _Compact(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        meta = getattr(record, "dagster_meta", None) or {}
        step = meta.get("step_key") or ""
        msg = meta.get("orig_message") or record.getMessage()
        stamp = self.formatTime(record, "%H:%M:%S")
        where = f" {step}" if step else ""
        return f"{stamp}{where}: {msg}"


@dg.logger(
    config_schema={"log_level": dg.Field(str, is_required=False, default_value="INFO")},
    description="Compact console output: time, step and message.",
)
def compact_console(init_context: dg.InitLoggerContext) -> logging.Logger:
    level = init_context.logger_config["log_level"]
    logger = logging.Logger("textwarehouse", level=level)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Compact())
    handler.addFilter(_UserMessages())
    logger.addHandler(handler)
    return logger

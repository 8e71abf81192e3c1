"""Boilerplate removal: from a raw page or text to the article body and its metadata.

This is where page chrome is told apart from the article (issue 3). For now plain text passes
through whole and HTML goes through trafilatura's article extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Extracted:
    body: str
    title: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    removed: list[dict] = field(default_factory=list)  # raw_start, raw_end, text, reason


def extract(raw_text: str, *, fmt: str) -> Extracted:
    """The article body and metadata of a raw document of format ``fmt``."""
    if fmt == "html":
        return _extract_html(raw_text)
    return Extracted(body=raw_text)


def _extract_html(html: str) -> Extracted:
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=False) or ""
    meta = trafilatura.extract_metadata(html)
    return Extracted(
        body=body,
        title=getattr(meta, "title", None) if meta else None,
        author=getattr(meta, "author", None) if meta else None,
    )

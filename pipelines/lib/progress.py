"""Progress lines with rates, for long loops: at most one line every few seconds, plus the last."""

from __future__ import annotations

import time
from collections.abc import Callable


class Progress:
    """Reports ``done/total`` with items/s (and words/s when told) through ``say``."""

    def __init__(self, what: str, total: int, say: Callable[[str], None], *, every: float = 5.0, unit: str = "docs"):
        self.what, self.total, self.say, self.every, self.unit = what, total, say, every, unit
        self.started = self.last = time.perf_counter()
        self.done = 0
        self.words = 0

    def update(self, n: int = 1, words: int = 0) -> None:
        self.done += n
        self.words += words
        now = time.perf_counter()
        if now - self.last >= self.every and self.done < self.total:
            self.last = now
            self.say(self.line())

    def line(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        pct = f" ({100 * self.done / self.total:.0f}%)" if self.total else ""
        rate = f"{self.done / elapsed:,.0f} {self.unit}/s"
        if self.words:
            rate += f", {self.words / elapsed:,.0f} words/s"
        return f"{self.what}: {self.done:,}/{self.total:,}{pct} in {elapsed:.1f}s, {rate}"

    def finish(self) -> str:
        line = self.line()
        self.say(line)
        return line

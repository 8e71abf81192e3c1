"""Progress lines: counts, rates and what is left, as a long run prints them."""

import pytest

from pipelines.lib import progress
from pipelines.lib.progress import Progress, duration


@pytest.mark.parametrize(("seconds", "said"), [
    (0.2, "about 1 s"), (42.4, "about 42 s"), (95, "about 2 min"), (3000, "about 50 min"),
    (5400, "about 1 h 30 min"), (7200, "about 2 h"),
])
def test_duration(seconds, said):
    assert duration(seconds) == said


def test_a_line_gives_the_count_the_rates_and_what_is_left(monkeypatch):
    clock = iter([100.0, 110.0, 110.0])  # started at 100; the line is drawn at 110
    monkeypatch.setattr(progress.time, "perf_counter", lambda: next(clock))
    lines = []
    p = Progress("entities", 400, lines.append, every=5.0)
    p.update(100, words=20_000)  # 10 s for a quarter: ~30 s left
    assert lines == ["entities: 100/400 (25%) in 10.0s, 10 docs/s, 2,000 words/s, about 30 s left"]


def test_the_last_line_has_nothing_left(monkeypatch):
    clock = iter([0.0, 4.0])
    monkeypatch.setattr(progress.time, "perf_counter", lambda: next(clock))
    p = Progress("ingest", 8, lambda _: None, unit="files")
    p.done = 8
    assert p.line() == "ingest: 8/8 (100%) in 4.0s, 2 files/s"

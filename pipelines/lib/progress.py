"""Progress lines with rates, for long loops: at most one line every few seconds, plus the last;
and the resident memory a long run reports after each batch, with the call that gives freed memory back."""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable

ARROW_POOL_ENV = "ARROW_DEFAULT_MEMORY_POOL"
M_ARENA_MAX = -8  # mallopt's parameters (glibc's malloc.h)
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 128 * 1024


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
        left = f", {duration((self.total - self.done) * elapsed / self.done)} left" if 0 < self.done < self.total else ""
        return f"{self.what}: {self.done:,}/{self.total:,}{pct} in {elapsed:.1f}s, {rate}{left}"

    def finish(self) -> str:
        line = self.line()
        self.say(line)
        return line


def duration(seconds: float) -> str:
    """'about 40 s', 'about 3 min', 'about 2 h 5 min': an estimate, rounded as one."""
    if seconds < 90:
        return f"about {max(1, round(seconds))} s"
    if seconds < 90 * 60:
        return f"about {round(seconds / 60)} min"
    hours, minutes = divmod(round(seconds / 60), 60)
    return f"about {hours} h {minutes} min" if minutes else f"about {hours} h"


def resident_mib(pid: int | str = "self") -> float | None:
    """A process's resident memory now, in MiB (Linux's /proc; None where that is not available)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def memory_line(worker_pids: list[int], warehouse_pid: int | None = None, server_pid: int | None = None) -> str:
    """'memory: this process 226 MiB, workers 144 + 144 MiB, warehouse 150 MiB, fork server 190 MiB'
    (what is resident now, not the peak; the workers share most of theirs with the fork server they
    were forked from)."""
    own = resident_mib()
    if own is None:
        return ""
    workers = [m for m in (resident_mib(p) for p in worker_pids) if m is not None]
    line = f"memory: this process {own:,.0f} MiB"
    line += f", workers {' + '.join(f'{m:,.0f}' for m in workers)} MiB" if workers else ""
    for name, pid in (("warehouse", warehouse_pid), ("fork server", server_pid)):
        mib = resident_mib(pid) if pid is not None else None
        line += f", {name} {mib:,.0f} MiB" if mib is not None else ""
    return line


def release_free_memory(*, collect: bool = True) -> None:
    """Hand memory freed by the batch back to the system: Python's garbage, Arrow's pool and glibc's
    heap keep what they freed for reuse, so without this the process holds its largest batch's
    high-water mark (and more, as fragments) for the rest of the run.

    ``collect=False`` skips Python's cycle collection (~0.1 s with Dagster loaded; the rest takes
    about a millisecond), for use after every step: what a step freed then no longer lies under the
    next step's own peak."""
    import gc

    import pyarrow as pa

    if collect:
        gc.collect()
    pa.default_memory_pool().release_unused()
    trim = getattr(libc(), "malloc_trim", None)  # glibc's
    if trim is not None:
        trim(0)


def lean_allocators(*, fixed_mmap_threshold: bool = True) -> None:
    """Make this process hand back what each batch frees, for one that runs batch after batch (the
    command line's main process, and the workers). Call it before this process imports pyarrow or
    starts a thread.

    Arrow allocates from glibc's ``malloc`` here instead of its bundled mimalloc, and glibc keeps one
    arena for every thread instead of one per thread, so that ``release_free_memory``'s
    ``malloc_trim`` reaches all of it: with mimalloc (even purging at once) and per-thread arenas the
    free pages left in the heaps of Arrow's threads grew the process by ~0.2 MiB a batch (traced, 30
    batches of 100 Reuters bodies: 218.8 -> 225.1 MiB after each batch, peak 232.8; this way 217.4 ->
    220.2, peak 226.7). Reading Parquet files alone, in a loop, showed it: ~+1.5 MiB over 30 reads
    with mimalloc, flat with the system allocator. And blocks of 128 KiB or more always come from
    ``mmap``, handed back when freed: by default glibc raises that threshold whenever such a block is
    freed (up to 32 MiB, ``mallopt(3)``) and then carves big blocks out of the heap, where holes that
    trim cannot return would explain what was measured (not looked at directly; all of Reuters
    traced in batches of 1,000 bodies: 231 -> 234 MiB between batches and the steps' tops 232-239
    MiB without it, 223.4 -> 225.9 and 226.7-235.5 with it).

    Not the fixed threshold in a worker (``fixed_mmap_threshold=False``): spaCy's arrays of 128 KiB
    and more would then be fresh pages from ``mmap`` at every batch of texts, and ``ner`` ran ~18%
    slower (1,200 Reuters bodies in chunks of 32 on one core: 15.3-15.8 s without, 18.1-18.7 s with;
    one arena cost nothing measurable, 15.9 s).

    Only this process: the variable that picks Arrow's allocator is read once, then taken out of the
    environment that the processes it starts inherit (the warehouse process keeps mimalloc, purging at
    once: ``pipelines/__init__.py``; each worker calls this itself)."""
    import os

    if "pyarrow" not in sys.modules:
        ours = ARROW_POOL_ENV not in os.environ  # a user's own choice stands, here and in the children
        if ours:
            os.environ[ARROW_POOL_ENV] = "system"
        import pyarrow as pa

        pa.default_memory_pool()  # Arrow reads the variable now, once
        if ours:
            del os.environ[ARROW_POOL_ENV]
    mallopt = getattr(libc(), "mallopt", None)  # glibc's
    if mallopt is not None:
        mallopt(M_ARENA_MAX, 1)
        if fixed_mmap_threshold:
            mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)


@functools.cache
def libc():
    """The C library from the symbols the process already has (None where that cannot be loaded). Not
    through ``ctypes.util.find_library``, which starts ``/sbin/ldconfig -p`` in a child process at
    every call: looked up for ``malloc_trim`` after every step, ~13 children a batch forked from the
    main process."""
    import ctypes

    try:
        return ctypes.CDLL(None)
    except OSError:
        return None

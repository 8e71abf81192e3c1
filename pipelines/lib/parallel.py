"""Worker processes for per-document work (cleaning, entities, figures and dates).

One pool per process that asks for it, started on the first big batch and reused by every later
batch and step of the run (a worker loads the spaCy model once, on its first entities chunk). The
command line starts it early instead (``warm``) when the run's new input is big enough: the workers
then load the model and the rules while this process imports Dagster and runs the first steps, and
every later step of any size uses them, so a small incremental run neither waits for a model load
nor runs its entities on one core.
Work goes out in chunks of documents and comes back in order, as plain rows: a worker sends back
``mentions`` rows, not spaCy Docs, which spaCy's own ``n_process`` would ship to the parent and
rebuild there (measured on 2,000 Reuters bodies, ner only, 2 processes: 7,210 words/s that way,
9,047 with rows back, bare ``nlp.pipe`` 9,048).

``TEXTWAREHOUSE_PROCESSES`` sets the number of workers (default: the CPUs this process may use,
at most 2; 1 means everything runs in the calling process).
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from pipelines.lib import settings

PROCESSES_ENV = "TEXTWAREHOUSE_PROCESSES"
MIN_ITEMS = 400  # below this, starting workers at a step costs more than it saves
CHUNK = 32
WARM_BYTES_ENV = "TEXTWAREHOUSE_WARM_BYTES"  # new input from which the command line starts the
WARM_BYTES = 64 * 1024                      # workers before Dagster (default 64 KiB, ~80 news articles)

_pool = None
_pool_size = 0
_warm = False


def processes() -> int:
    """Workers to use: ``TEXTWAREHOUSE_PROCESSES``, else the usable CPUs, at most 2."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return settings.positive_int(PROCESSES_ENV, max(1, min(2, usable)))


def workers_for(n_items: int) -> int:
    """How many processes a batch of ``n_items`` documents is worth (all of them once ``warm``)."""
    if _warm and _pool is not None:
        return _pool_size
    return processes() if n_items >= MIN_ITEMS else 1


def warm(new_bytes: int) -> bool:
    """Start the workers now if ``new_bytes`` of new input is worth them (``$TEXTWAREHOUSE_WARM_BYTES``,
    default ``WARM_BYTES``) and more than one process is allowed; each loads what the steps need
    (``preload``) in the background. True if they were started."""
    global _warm
    if new_bytes < settings.positive_int(WARM_BYTES_ENV, WARM_BYTES) or processes() < 2:
        return False
    _get_pool(processes(), initializer=preload)
    _warm = True
    return True


def preload() -> None:
    """Runs once in each warm worker: import the steps' modules and load the spaCy model and the unit
    registry, so the first chunk of each step starts at full speed."""
    from pipelines.lib import documents, entities, figures, segmenting  # noqa: F401

    entities.load_nlp()
    figures._ureg()


def imap(fn: Callable[[list], list], items: Sequence[Any], *, chunk: int = CHUNK,
         documents: int | None = None) -> Iterator[tuple[Any, Any]]:
    """``(item, result)`` for every item, in order; ``fn`` maps a chunk of items to one result per
    item and runs on the worker pool for a big batch (``documents``: how many documents the items
    stand for, if not one each), in this process otherwise. ``fn`` must be a module-level function
    (the workers import it)."""
    n = workers_for(len(items) if documents is None else documents)
    if n > 1:  # at least 8 chunks per worker, so that no worker is left with the last big one
        chunk = min(chunk, max(1, -(-len(items) // (8 * n))))
    chunks = [list(items[i : i + chunk]) for i in range(0, len(items), chunk)]
    results = map(fn, chunks) if n < 2 else _get_pool(n).imap(fn, chunks)
    for c, chunk_results in zip(chunks, results, strict=True):
        yield from zip(c, chunk_results, strict=True)


def _get_pool(n: int, initializer: Callable[[], None] | None = None):
    global _pool, _pool_size
    if _pool is None or _pool_size != n:
        shutdown()
        # spawn, not fork: the parent runs Dagster's threads, and a forked copy of a lock held by
        # another thread would hang the child
        _pool = multiprocessing.get_context("spawn").Pool(n, initializer=initializer)
        _pool_size = n
    return _pool


def worker_pids() -> list[int]:
    """Process ids of the running workers (none before the first big batch)."""
    return [p.pid for p in _pool._pool] if _pool is not None else []  # Pool keeps its processes in _pool


def shutdown() -> None:
    """Stop the workers (at exit, or before starting a pool of another size). Every result has been
    collected by then and a worker holds nothing to save, so they are terminated rather than left
    to tear down their models (0.6 s)."""
    global _pool, _pool_size, _warm
    if _pool is not None:
        _pool.terminate()
        _pool.join()
        _pool, _pool_size = None, 0
    _warm = False


atexit.register(shutdown)

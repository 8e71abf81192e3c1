"""Worker processes for per-document work (cleaning, entities, figures and dates).

The workers are forked, each batch afresh, from a fork server that imported the steps' modules and
loaded the spaCy model and the unit registry once (``preload``, run by ``worker_image``): a new
worker starts in milliseconds with the model in pages it shares with the server and its siblings,
and whatever a batch leaves in a worker's allocators dies with it (``renew``). The command line
starts the server early (``warm``) when the run's new input is big enough: it loads the model while
this process imports Dagster and runs the first steps, and every later step of any size uses the
workers, so a small incremental run neither waits for a model load nor runs its entities on one core.
Work goes out in chunks of documents and comes back in order, as Arrow tables (``map_table``): a
worker sends back ``mentions`` rows, not spaCy Docs, which spaCy's own ``n_process`` would ship to
the parent and rebuild there (measured on 2,000 Reuters bodies, ner only, 2 processes: 7,210 words/s
that way, 9,047 with rows back, bare ``nlp.pipe`` 9,048), and the rows are a table built in the
worker, not Python objects for this process to hold.

A warm run also starts one more process, the warehouse's (``isolated``), again for each batch: the
batch's DuckDB queries and Parquet merges run there, so that what their allocators keep does not
pile up, batch after batch, in the process that runs Dagster or in a process that outlives the batch.

Measured in session 22 on all of Reuters in batches of 1,000 bodies against its first 2,000 (every
process of the run, Pss summed, sampled every 0.5 s): with the workers and the warehouse process kept
for the whole run, 587.8 against 608.6 MiB (the warehouse process had grown 164 -> 173 MiB and each
worker 190 -> 192 between the first and the last of Reuters' five default batches); with a new
warehouse process for each batch, 579.6 against 601.2; with new workers too, forked as now, 533.6
against 542.6 (the model's pages shared), and the 20 batches took 188.3 s against 194.4 (one run each).

``TEXTWAREHOUSE_PROCESSES`` sets the number of workers (default: the CPUs this process may use,
at most 2; 1 means everything runs in the calling process).
"""

from __future__ import annotations

import atexit
import collections
import functools
import multiprocessing
import multiprocessing.util  # its exit hook waits for the warehouse process: registered before ``shutdown``
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from pipelines.lib import progress, settings

if TYPE_CHECKING:  # imported where used: the command line sets Arrow's allocator before its first import
    import pyarrow as pa

PROCESSES_ENV = "TEXTWAREHOUSE_PROCESSES"
MIN_ITEMS = 400  # below this, starting workers at a step costs more than it saves
CHUNK = 32  # documents a slice of work holds at most (the model's: a slice of a second or so)
# For the steps without the model (cleaning, figures and dates), whose slices of 32 took ~20 ms: what each
# slice costs beside its work (shipping it both ways, freeing the worker's memory after it) came to a
# tenth of those maps. 4,000 Reuters bodies, two workers, three alternating rounds: clean 2.23-2.25 s
# with 32, 1.93-2.15 s with 128; figures and dates 2.16-2.37 s against 1.94-2.15 s (session 27). The
# model's map gained nothing from larger slices (2,000 bodies: 12.56 / 12.60 s with 32, 12.88 / 12.69 s
# with 96): its last slice, which one worker may finish alone, grows with them. In a whole run on all of
# Reuters the two steps then took what they took before (13.6 / 11.1 s against 13.7 / 11.1 s, one run each).
CPU_CHUNK = 128
IN_FLIGHT = 4  # chunks out per worker at once
WARM_BYTES_ENV = "TEXTWAREHOUSE_WARM_BYTES"  # new input from which the command line starts the
WARM_BYTES = 64 * 1024                      # workers before Dagster (default 64 KiB, ~80 news articles)

_pool = None
_pool_size = 0
_warm = False
_helper = None  # the warehouse process of a warm run (``isolated``)


def processes() -> int:
    """Workers to use: ``TEXTWAREHOUSE_PROCESSES``, else the usable CPUs, at most 2."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return settings.positive_int(PROCESSES_ENV, max(1, min(2, usable)))


def workers_for(n_items: int) -> int:
    """How many processes a batch of ``n_items`` documents is worth (all of them once ``warm``)."""
    if _warm:
        return processes()
    return processes() if n_items >= MIN_ITEMS else 1


def warm(new_bytes: int) -> bool:
    """Start the workers' fork server and the warehouse process (``isolated``) now if ``new_bytes`` of
    new input is worth them (``$TEXTWAREHOUSE_WARM_BYTES``, default ``WARM_BYTES``) and more than one
    process is allowed; each loads what its work needs (``preload``, ``preload_warehouse``) in the
    background, and the workers are forked at the first step that needs them. True if started."""
    global _warm, _helper
    if new_bytes < settings.positive_int(WARM_BYTES_ENV, WARM_BYTES) or processes() < 2:
        return False
    _worker_context()
    if _helper is None:
        _helper = _start(1, preload_warehouse)
    _warm = True
    return True


def _worker() -> None:
    """Runs first in each worker: die with the process that started it (``_die_with_parent``), and
    allocate much as the command line's process does (``progress.lean_allocators``, but for the mmap
    threshold, which slows spaCy), since a worker too runs chunk after chunk; it hands back what each
    chunk freed (``_shipped_call``)."""
    _die_with_parent()
    _leave_interrupts_to_parent()
    progress.lean_allocators(fixed_mmap_threshold=False)


def preload() -> None:
    """Runs once in the workers' fork server (``worker_image``): ``_worker``, then import the steps'
    modules and load the spaCy model, the unit registry and the names of places, so that each worker
    forked from it starts its first chunk at full speed and shares their pages."""
    _worker()
    from pipelines.lib import documents, entities, figures, segmenting, steps  # noqa: F401

    entities.load_nlp()
    figures._ureg()
    entities.is_place("London")  # city names, shared by the workers (an entity id asks whether a name is a place)


def preload_warehouse() -> None:
    """Runs once in the warehouse process: die with the process that started it (``_die_with_parent``:
    that process holds the warehouse lock, and no write of a killed run may go on once it is free),
    then import what its work needs and load the gazetteer."""
    _die_with_parent()
    _leave_interrupts_to_parent()
    import duckdb  # noqa: F401

    from pipelines.lib import database, duplicates, entities, entities_rollup, planning, storage  # noqa: F401

    entities.place("London")


def _leave_interrupts_to_parent() -> None:
    """Ignore Ctrl-C (SIGINT, which the terminal sends to every process of the run): the command line's
    process takes it, its step stops and it ends the run, and this process dies with it
    (``_die_with_parent``), instead of each worker printing a traceback of where it was."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _die_with_parent() -> None:
    """Be killed when the thread that started this process ends (Linux's PR_SET_PDEATHSIG; nothing
    elsewhere): an executor's process outlives a killed parent otherwise, waiting for work or busy
    with a call (a write, in the warehouse process). ``warm`` starts the warehouse process and the
    workers' fork server from the command line's main thread; ``each`` the fork server from the
    step's thread, which is the main thread in an in-process run (checked with ``dg.materialize``;
    not checked for the UI's run launcher). A worker dies with the fork server it was forked from,
    and so with this process (checked: tests/lib/test_parallel.py kills a run). A process started from
    a thread that ends sooner dies with it, and the step's next call fails saying so (``_lost``)."""
    import signal

    prctl = getattr(progress.libc(), "prctl", None)  # Linux's
    if prctl is not None:
        prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG


def isolated(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)``: in the warehouse process once ``warm`` started it, in this process otherwise.

    For the warehouse's own work of a batch (DuckDB queries, merges of Parquet files): memory that
    DuckDB and Arrow free goes back to their allocators, not to the system, and this process, which
    runs Dagster, grew with every batch that way. ``fn`` must be a module-level function or a bound
    method of a picklable object, and its arguments and result small: they are pickled."""
    if _helper is None:
        return fn(*args)
    try:
        return _helper.submit(fn, *args).result()
    except BrokenProcessPool as exc:
        raise _lost("the warehouse process") from exc


def renew() -> None:
    """Between batches: stop the workers (the next step forks new ones from the server: a new pair
    answered its first call in 16-25 ms, 115 ms the first time, session 22) and replace the warehouse
    process with a fresh one (its imports and the gazetteer: 0.31-0.40 s alone, 324 ms to a first
    call made at once; loaded while the next batch starts). What a batch left in their allocators then
    dies with them instead of raising every later batch's base (see the module's figures; the
    warehouse process's calls each left it a little higher over the first dozen batches). Both are
    idle here: every call has returned."""
    global _pool, _pool_size, _helper
    _stop(_pool)
    _pool, _pool_size = None, 0
    if _helper is not None:
        _stop(_helper)
        _helper = _start(1, preload_warehouse)


def _stop(executor: ProcessPoolExecutor | None) -> None:
    """Terminate an executor's processes and shut it down (none of them holds anything to save)."""
    if executor is not None:
        for process in list((executor._processes or {}).values()):
            process.terminate()
        executor.shutdown(wait=True, cancel_futures=True)


def _lost(what: str) -> RuntimeError:
    """The error for a step whose ``what`` died in the middle of a call (an executor is broken then)."""
    return RuntimeError(f"{what} of this run ended in the middle of its work (killed? out of memory?); "
                        "run again: an interrupted batch is redone or finished")


def map_table(fn: Callable[..., tuple], table: pa.Table, outputs: list[str], *,
              extra: Callable[[pa.Table], tuple] | None = None, documents: int | None = None,
              on_chunk: Callable[[pa.Table, tuple], None] | None = None, per_slice: int = CHUNK) -> tuple[pa.Table, ...]:
    """``fn(chunk, *extra(chunk))`` for consecutive slices of ``table``'s rows, on the worker pool for a
    big batch (``documents``: how many documents the rows stand for, if not one each), in this process
    otherwise; ``fn`` returns one table per name in ``outputs`` (``schemas.SCHEMAS``), and each comes
    back as the chunks' tables concatenated, in order. ``on_chunk(chunk, results)`` runs in this
    process as each chunk's results arrive (progress). ``fn`` must be a module-level function (the
    workers import it). ``per_slice``: rows per slice at most (fewer for a small batch: at least eight
    slices a worker, so that neither waits long on the other's last one).

    Tables travel both ways as Arrow IPC streams, and at most ``IN_FLIGHT`` chunks per worker are
    out at once: this process, which runs Dagster, never holds a batch as Python rows (traced, all of
    Reuters in 4 MiB batches: 245 MiB between batches and a peak of 272 in the clean step with them,
    221 and 247 this way), and what Arrow frees goes back to ``malloc`` (``progress.lean_allocators``)."""
    import pyarrow as pa

    from pipelines.lib.schemas import SCHEMAS

    documents = table.num_rows if documents is None else documents
    n = workers_for(documents)
    size = per_slice if n < 2 else min(per_slice, max(1, -(-table.num_rows // (8 * n))))  # >= 8 chunks a worker
    chunks = (table.slice(i, size) for i in range(0, table.num_rows, size))
    calls = ((chunk, *(extra(chunk) if extra else ())) for chunk in chunks)
    parts: list[list[pa.Table]] = [[] for _ in outputs]
    for args, results in _run(fn, calls, n):
        for part, result in zip(parts, results, strict=True):
            part.append(result)
        if on_chunk:
            on_chunk(args[0], results)
    return tuple(pa.concat_tables(p) if p else SCHEMAS[name].empty_table() for name, p in zip(outputs, parts, strict=True))


def each(fn: Callable[..., tuple], calls: Iterable[tuple], *, documents: int) -> Iterator[tuple[tuple, tuple]]:
    """``(args, fn(*args))`` for every tuple of arguments in ``calls``, in order: on the worker pool if
    ``documents`` (how many documents the calls stand for) make a big batch, in this process otherwise.
    ``fn`` returns a tuple; the tables among its arguments and results travel as in ``map_table``."""
    return _run(fn, calls, workers_for(documents))


def _run(fn: Callable[..., tuple], calls: Iterable[tuple], n: int) -> Iterator[tuple[tuple, tuple]]:
    return _in_process(fn, iter(calls)) if n < 2 else _on_workers(fn, iter(calls), n)


def _in_process(fn: Callable[..., tuple], calls: Iterator[tuple]) -> Iterator[tuple[tuple, tuple]]:
    for args in calls:
        yield args, fn(*args)


def _on_workers(fn: Callable[..., tuple], calls: Iterator[tuple], n: int) -> Iterator[tuple[tuple, tuple]]:
    """``(args, fn(*args))`` for every call, in order, on ``n`` workers, ``IN_FLIGHT * n`` calls out at once."""
    pool = _get_pool(n)
    call = functools.partial(_shipped_call, fn)
    pending: collections.deque = collections.deque()
    try:
        for args in calls:
            pending.append((args, pool.submit(call, _ship(args))))
            if len(pending) >= IN_FLIGHT * n:
                args, future = pending.popleft()
                yield args, _unship(future.result())
        while pending:
            args, future = pending.popleft()
            yield args, _unship(future.result())
    except BrokenProcessPool as exc:
        shutdown()  # the next step starts new workers
        raise _lost("a worker process") from exc
    finally:
        for _, future in pending:
            future.cancel()


class _Shipped:
    """A table on its way to or from a worker, as an Arrow IPC stream: the rows of a slice and no
    more (pickling a slice of a table pickles the whole table's buffers), and no Python objects."""

    __slots__ = ("stream",)

    def __init__(self, table: pa.Table):
        import pyarrow as pa

        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        self.stream = sink.getvalue()

    def table(self) -> pa.Table:
        import pyarrow as pa

        return pa.ipc.open_stream(self.stream).read_all()


def _ship(values: tuple) -> tuple:
    import pyarrow as pa

    return tuple(_Shipped(v) if isinstance(v, pa.Table) else v for v in values)


def _unship(values: tuple) -> tuple:
    return tuple(v.table() if isinstance(v, _Shipped) else v for v in values)


def _shipped_call(fn: Callable[..., tuple], args: tuple) -> tuple:
    """In a worker: ``fn`` on the tables as they were sent, its tables shipped back."""
    try:
        return _ship(fn(*_unship(args)))
    finally:
        progress.release_free_memory(collect=False)


def _worker_context() -> multiprocessing.context.BaseContext:
    """Where workers come from: forked by multiprocessing's fork server, started now if it is not
    running (it does not wait for the server's preload), which imports ``worker_image`` before its
    first fork. The server is a fresh interpreter started from this thread (``spawn``'s safety: this
    process runs Dagster's threads, and a forked copy of a lock held by another thread would hang the
    child); it dies with that thread (``_die_with_parent``, in ``preload``), and each worker with it."""
    import multiprocessing.forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipelines.lib.worker_image"])
    multiprocessing.forkserver.ensure_running()
    return context


def fork_server_pid() -> int | None:
    """Process id of the workers' fork server, if one was started (a private of multiprocessing's)."""
    import multiprocessing.forkserver

    return getattr(multiprocessing.forkserver._forkserver, "_forkserver_pid", None)


def _get_pool(n: int) -> ProcessPoolExecutor:
    """The ``n`` workers, started if they were not. An executor, not a ``multiprocessing.Pool``: when
    a process of a Pool dies (the OOM killer), the Pool starts another and keeps waiting for the
    lost chunk's result (checked: still waiting 8 s after its worker was killed); an executor's
    calls fail instead."""
    global _pool, _pool_size
    if _pool is None or _pool_size != n:
        _stop(_pool)
        _pool, _pool_size = _start(n, _worker, _worker_context()), n
    return _pool


def _start(n: int, initializer: Callable[[], None] | None,
           context: multiprocessing.context.BaseContext | None = None) -> ProcessPoolExecutor:
    """An executor of ``n`` processes, all started now (an executor starts a process per call
    otherwise). Spawned unless ``context`` says otherwise, not forked from this process: it runs
    Dagster's threads, and a forked copy of a lock held by another thread would hang the child."""
    executor = ProcessPoolExecutor(n, mp_context=context or multiprocessing.get_context("spawn"), initializer=initializer)
    for _ in range(n):
        executor.submit(int)
    return executor


def worker_pids() -> list[int]:
    """Process ids of the running workers (none before the first big batch)."""
    return list(_pool._processes) if _pool is not None else []  # the executor's {pid: process}


def helper_pid() -> int | None:
    """Process id of the warehouse process, if ``warm`` started one."""
    return next(iter(_helper._processes), None) if _helper is not None else None  # {pid: process}


def shutdown() -> None:
    """Stop the workers and the warehouse process (at exit, or after a worker died). The workers' fork
    server stays, idle, until this process ends (it ends with it).
    Every result has been collected by then (``isolated`` waits for its call) and none holds anything
    to save, so they are terminated rather than left to tear down their models (0.6 s)."""
    global _pool, _pool_size, _warm, _helper
    _stop(_pool)
    _stop(_helper)
    _pool, _pool_size, _helper = None, 0, None
    _warm = False


atexit.register(shutdown)  # after multiprocessing.util's hook (imported above), so it runs before that

"""The worker pool gives the same rows, in the same order, as running in this process."""

import os
import pickle
import re
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from pipelines.lib import parallel, progress, steps
from pipelines.lib.documents import segment_rows
from pipelines.lib.schemas import table_from_rows

TEXTS = [
    "Xi Jinping met Vladimir Putin in Moscow on Tuesday.",
    "Soybean imports rose from 12 million tonnes to 20 million tonnes in 2025.",
    "The arms sale to Taiwan was valued at around $11 billion, officials in Washington said.",
    "Exports rose 4.5 pct in January, the Bundesbank said in Frankfurt.",
]


@pytest.fixture
def two_workers(monkeypatch):
    monkeypatch.setenv(parallel.PROCESSES_ENV, "2")
    monkeypatch.setattr(parallel, "MIN_ITEMS", 8)
    yield
    parallel.shutdown()


def _docs(n: int) -> pa.Table:
    return pa.table({"doc_id": [f"d{i}" for i in range(n)], "text": [TEXTS[i % len(TEXTS)] for i in range(n)],
                     "published_at": pa.array([None] * n, pa.timestamp("us", tz="UTC")),
                     "published_date": pa.array([None] * n, pa.date32()), "n_words": [9] * n})


def test_every_step_on_two_workers_matches_one_process(two_workers):
    """Each step's batch function on the pool (chunks of 3 documents, shipped as Arrow both ways)
    gives the tables its chunk function gives for the whole batch in this process."""
    docs = _docs(40)
    assert parallel.workers_for(docs.num_rows) == 2
    raw = table_from_rows("raw_documents", [
        dict(doc_id=f"r{i}", source=f"feed{i % 2}.jsonl#{i}", format="text", batch_id="B1",
             raw_text=TEXTS[i % len(TEXTS)] + ("\nSubscribe to our newsletter today\n" if i % 2 else "\n"))
        for i in range(40)])
    repeated = {g: steps.repeated_lines_of(raw.filter(pc.starts_with(raw["source"], g)).select(["raw_text"]))[0]
                for g in ("feed0.jsonl", "feed1.jsonl")}
    assert "subscribe to our newsletter today" in repeated["feed1.jsonl"] - repeated["feed0.jsonl"]
    chunks = []
    assert steps.clean_batch(raw, on_chunk=lambda chunk, out: chunks.append(chunk.num_rows)) == steps.clean_chunk(raw, repeated)
    assert chunks == [3] * 13 + [1]  # 8 chunks a worker at least: none is left with a big last one
    sentences = table_from_rows("sentences", [r for d, t in zip(docs["doc_id"].to_pylist(), docs["text"].to_pylist(), strict=True)
                                              for r in segment_rows(d, t)[1]])
    ingested = pa.table({"doc_id": docs["doc_id"], "ingested_at": pa.array([datetime(2026, 11, 28, tzinfo=UTC)] * 40)})
    figures, dates = steps.figures_batch(docs, ingested, sentences)
    reference = docs.append_column("reference", pa.array([date(2026, 11, 28)] * 40))
    assert (figures, dates) == steps.figures_chunk(reference, sentences)
    assert {"USD", "t"} <= set(figures["unit"].to_pylist()) and "2025" in dates["value"].to_pylist()
    mentions = steps.mentions_batch(docs, sentences)
    assert (mentions,) == steps.mentions_chunk(docs, sentences)
    assert {"Vladimir Putin", "Taiwan", "Bundesbank"} <= set(mentions["entity_name"].to_pylist())
    assert len(parallel.worker_pids()) == 2
    # the workers allocate Arrow from malloc, which the trim after each chunk reaches
    assert [r for _, r in parallel.each(arrow_allocator, [(i,) for i in range(4)], documents=40)] == [("system",)] * 4
    assert re.fullmatch(r"memory: this process [\d,]+ MiB, workers [\d,]+ \+ [\d,]+ MiB",
                        progress.memory_line(parallel.worker_pids()))
    assert re.fullmatch(r"memory: this process [\d,]+ MiB, workers [\d,]+ \+ [\d,]+ MiB, warehouse [\d,]+ MiB",
                        progress.memory_line(parallel.worker_pids(), os.getpid()))


def model_loaded(_: int) -> tuple[bool]:
    from pipelines.lib import entities

    return (entities.load_nlp.cache_info().currsize == 1,)


def arrow_allocator(_: int) -> tuple[str]:
    return (pa.default_memory_pool().backend_name,)


def test_a_table_goes_to_a_worker_as_its_own_rows_only():
    """A slice travels as its rows: pickling the slice itself would send the whole table's buffers."""
    whole = pa.table({"text": ["x" * 1000] * 1000})
    shipped = pickle.dumps(parallel._Shipped(whole.slice(10, 2)))
    assert len(shipped) < 5000 < len(pickle.dumps(whole.slice(10, 2)))
    assert pickle.loads(shipped).table() == whole.slice(10, 2)


def count_rows(table: pa.Table) -> tuple[pa.Table]:
    return (pa.table({"doc_id": [str(table.num_rows)]}),)


@pytest.mark.parametrize("rows, chunk, workers, sizes", [
    (10, 3, 1, [3, 3, 3, 1]),        # in this process: slices of the chunk's size
    (1000, 128, 2, [63] * 15 + [55]),  # a small batch on two workers: eight slices a worker at least
    (5000, 128, 2, [128] * 39 + [8]),   # a large one: the chunk's size
])
def test_a_map_cuts_its_table_into_slices_of_the_chunk_it_is_given(monkeypatch, rows, chunk, workers, sizes):
    monkeypatch.setattr(parallel, "workers_for", lambda n: workers)
    monkeypatch.setattr(parallel, "_run", lambda fn, calls, n: ((args, fn(*args)) for args in calls))  # no pool needed
    seen = []
    parallel.map_table(count_rows, pa.table({"x": list(range(rows))}), ["rejected"], per_slice=chunk,
                       on_chunk=lambda part, _: seen.append(part.num_rows))
    assert seen == sizes


def die(x: int) -> tuple:
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_that_dies_fails_the_step_instead_of_hanging_it(two_workers):
    """The OOM killer takes a worker in the middle of a chunk: the step fails, saying what to do."""
    with pytest.raises(RuntimeError, match="worker process of this run ended .* run again"):
        list(parallel.each(die, [(i,) for i in range(40)], documents=40))
    assert parallel.worker_pids() == []  # stopped; the next step starts new ones
    assert [r for _, r in parallel.each(divmod, [(i, 3) for i in range(20)], documents=20)] == [divmod(i, 3) for i in range(20)]
    assert len(parallel.worker_pids()) == 2


@pytest.mark.parametrize("value, expected", [("1", 1), ("3", 3)])
def test_processes_from_the_environment(monkeypatch, value, expected):
    monkeypatch.setenv(parallel.PROCESSES_ENV, value)
    assert parallel.processes() == expected


def test_a_bad_process_count_says_what_to_do(monkeypatch):
    monkeypatch.setenv(parallel.PROCESSES_ENV, "two")
    with pytest.raises(ValueError, match="TEXTWAREHOUSE_PROCESSES"):
        parallel.processes()


def test_warm_workers_take_every_step_of_any_size(monkeypatch):
    monkeypatch.setenv(parallel.PROCESSES_ENV, "2")
    monkeypatch.delenv(parallel.WARM_BYTES_ENV, raising=False)
    try:
        assert not parallel.warm(parallel.WARM_BYTES - 1)  # too little new input: no workers
        assert parallel.worker_pids() == [] and parallel.workers_for(3) == 1
        assert parallel.helper_pid() is None and parallel.isolated(os.getpid) == os.getpid()
        assert parallel.warm(parallel.WARM_BYTES)
        assert parallel.fork_server_pid() is not None and parallel.workers_for(3) == 2
        assert parallel.worker_pids() == []  # forked at the first step that needs them
        # the warehouse's work runs in a process of its own, and its errors reach the caller
        assert parallel.isolated(os.getpid) == parallel.helper_pid() != os.getpid()
        assert parallel.helper_pid() not in parallel.worker_pids()
        with pytest.raises(ValueError, match="invalid literal"):
            parallel.isolated(int, "twelve")
        docs = _docs(3)
        starts = pa.table({"doc_id": docs["doc_id"], "start": [0] * 3})
        assert (steps.mentions_batch(docs, starts),) == steps.mentions_chunk(docs, starts)
        workers, helper = parallel.worker_pids(), parallel.helper_pid()
        assert len(workers) == 2 and {parent(p) for p in workers} == {parallel.fork_server_pid()}
        # forked with the model loaded: no worker loads it again
        assert [r for _, r in parallel.each(model_loaded, [(i,) for i in range(4)], documents=4)] == [(True,)] * 4
        assert re.fullmatch(r"memory: this process [\d,]+ MiB, workers [\d,]+ \+ [\d,]+ MiB, warehouse [\d,]+ MiB, "
                            r"fork server [\d,]+ MiB",
                            progress.memory_line(parallel.worker_pids(), parallel.helper_pid(), parallel.fork_server_pid()))
        parallel.renew()  # between batches: new processes, nothing of the last batch's
        assert parallel.worker_pids() == [] and parallel.helper_pid() not in (None, helper)
        assert not any(alive(p) for p in [*workers, helper])
        assert (steps.mentions_batch(docs, starts),) == steps.mentions_chunk(docs, starts)
        assert len(parallel.worker_pids()) == 2 and not set(parallel.worker_pids()) & set(workers)
        # a warehouse process that dies in a call (killed, out of memory) fails it instead of hanging
        with pytest.raises(RuntimeError, match="warehouse process of this run ended .* run again"):
            parallel.isolated(os.kill, parallel.helper_pid(), signal.SIGKILL)
    finally:
        parallel.shutdown()
    assert parallel.workers_for(3) == 1 and parallel.helper_pid() is None  # cold again after shutdown


KILLED_RUN = """
import os, sys, threading, time
os.environ["TEXTWAREHOUSE_PROCESSES"] = "2"
from pipelines.lib import parallel
if __name__ == "__main__":
    parallel.warm(10**9)
    parallel.isolated(os.getpid)  # the warehouse process has started
    list(parallel.each(divmod, [(i, 3) for i in range(8)], documents=8))  # and so have the workers
    threading.Thread(target=parallel.isolated, args=(time.sleep, 120), daemon=True).start()  # a long write
    time.sleep(0.5)
    print(*parallel.worker_pids(), parallel.helper_pid(), parallel.fork_server_pid(), flush=True)
    time.sleep(120)
"""


def test_the_processes_of_a_killed_run_die_with_it(tmp_path):
    """A run killed outright (SIGKILL, the OOM killer) leaves no process behind: above all not its
    warehouse process in the middle of a write, after the lock is free."""
    script = tmp_path / "run.py"
    script.write_text(KILLED_RUN)
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    pids = [int(p) for p in proc.stdout.readline().split()]
    assert len(pids) == 4 and all(alive(p) for p in pids)  # the workers, the warehouse process, the fork server
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 20
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in pids if alive(p)]


def _stat(pid: int) -> list[str] | None:
    """The fields of ``/proc/<pid>/stat`` after the command's name (state, parent, ...); None if gone."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return None


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its new parent to reap it is dead)."""
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def parent(pid: int) -> int:
    return int(_stat(pid)[1])


def test_one_process_never_warms(monkeypatch):
    monkeypatch.setenv(parallel.PROCESSES_ENV, "1")
    assert not parallel.warm(10**9) and parallel.worker_pids() == []


def test_the_command_line_module_imports_no_duckdb_or_arrow():
    """Spawned workers import their parent's __main__ again: for `textwarehouse` / `python -m
    pipelines.cli`, this module. DuckDB there costs each worker memory it never uses, and Arrow
    imported there would come before the worker (and the command) chose Arrow's allocator."""
    code = "import sys, pipelines.cli; print(sorted({'duckdb', 'pyarrow', 'dagster', 'spacy'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_run_process_allocates_arrow_from_malloc_and_its_children_keep_mimalloc():
    """`lean_allocators`: the command line's process uses the system allocator (what malloc_trim
    reaches), and a process it starts afterwards, a worker or the warehouse process, does not inherit
    that choice."""
    code = (
        "import os, subprocess, sys\n"
        "from pipelines.lib import progress\n"
        "progress.lean_allocators()\n"
        "import pyarrow as pa\n"
        "child = subprocess.run([sys.executable, '-c', 'import pyarrow as pa; print(pa.default_memory_pool().backend_name)'],\n"
        "                       capture_output=True, text=True, check=True).stdout.strip()\n"
        "print(pa.default_memory_pool().backend_name, child, os.environ.get('ARROW_DEFAULT_MEMORY_POOL'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert out.split() == ["system", "mimalloc", "None"]

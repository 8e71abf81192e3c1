"""The worker pool gives the same rows, in the same order, as running in this process."""

import os
import re
import signal
import subprocess
import sys
import time
from datetime import date

import pytest

from pipelines.lib import documents, entities, figures, parallel, progress

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


def serial(fn, items):
    return [r for c in range(0, len(items), parallel.CHUNK) for r in fn(items[c:c + parallel.CHUNK])]


def test_figures_and_entities_on_two_workers_match_one_process(two_workers):
    docs = [(f"d{i}", TEXTS[i % len(TEXTS)]) for i in range(40)]
    fig_items = [(d, t, [(0, 0, len(t))], date(2026, 11, 28)) for d, t in docs]
    ner_items = [(d, t, [0]) for d, t in docs]
    assert parallel.workers_for(len(docs)) == 2
    for fn, items in ((figures.rows_chunk, fig_items), (entities.mention_rows_chunk, ner_items)):
        pooled = [r for _, r in parallel.imap(fn, items, chunk=7)]
        assert pooled == serial(fn, items)
    names = {r["entity_name"] for rows in serial(entities.mention_rows_chunk, ner_items) for r in rows}
    assert {"Vladimir Putin", "Taiwan", "Bundesbank"} <= names
    pooled = [r for _, r in parallel.imap(documents.segment_rows_chunk, docs, chunk=7)]
    assert pooled == serial(documents.segment_rows_chunk, docs)
    # a few items that stand for many documents go to the pool too
    groups = [[t + "\nSubscribe now\n" for _, t in docs[:20]], [t for _, t in docs[20:]]]
    pooled = [r for _, r in parallel.imap(documents.repeated_lines_chunk, groups, chunk=1, documents=len(docs))]
    assert pooled == serial(documents.repeated_lines_chunk, groups) and "subscribe now" in pooled[0]
    assert len(parallel.worker_pids()) == 2
    assert re.fullmatch(r"memory: this process [\d,]+ MiB, workers [\d,]+ \+ [\d,]+ MiB",
                        progress.memory_line(parallel.worker_pids()))
    assert re.fullmatch(r"memory: this process [\d,]+ MiB, workers [\d,]+ \+ [\d,]+ MiB, warehouse [\d,]+ MiB",
                        progress.memory_line(parallel.worker_pids(), os.getpid()))


def die(chunk: list) -> list:
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_that_dies_fails_the_step_instead_of_hanging_it(two_workers):
    """The OOM killer takes a worker in the middle of a chunk: the step fails, saying what to do."""
    with pytest.raises(RuntimeError, match="worker process of this run ended .* run again"):
        list(parallel.imap(die, list(range(40))))
    assert parallel.worker_pids() == []  # stopped; the next step starts new ones
    assert [r for _, r in parallel.imap(serial_len, ["ab", "c"] * 10)] == [2, 1] * 10


def serial_len(chunk: list) -> list:
    return [len(x) for x in chunk]


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
        assert len(parallel.worker_pids()) == 2 and parallel.workers_for(3) == 2
        # the warehouse's work runs in a process of its own, and its errors reach the caller
        assert parallel.isolated(os.getpid) == parallel.helper_pid() != os.getpid()
        assert parallel.helper_pid() not in parallel.worker_pids()
        with pytest.raises(ValueError, match="invalid literal"):
            parallel.isolated(int, "twelve")
        items = [(f"d{i}", t, [0]) for i, t in enumerate(TEXTS[:3])]
        pooled = [r for _, r in parallel.imap(entities.mention_rows_chunk, items, chunk=1)]
        assert pooled == serial(entities.mention_rows_chunk, items)
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
    list(parallel.imap(list, list(range(8)), chunk=1))  # and so have the workers
    threading.Thread(target=parallel.isolated, args=(time.sleep, 120), daemon=True).start()  # a long write
    time.sleep(0.5)
    print(*parallel.worker_pids(), parallel.helper_pid(), flush=True)
    time.sleep(120)
"""


def test_the_processes_of_a_killed_run_die_with_it(tmp_path):
    """A run killed outright (SIGKILL, the OOM killer) leaves no process behind: above all not its
    warehouse process in the middle of a write, after the lock is free."""
    script = tmp_path / "run.py"
    script.write_text(KILLED_RUN)
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    pids = [int(p) for p in proc.stdout.readline().split()]
    assert len(pids) == 3 and all(alive(p) for p in pids)
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 20
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in pids if alive(p)]


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its new parent to reap it is dead)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_one_process_never_warms(monkeypatch):
    monkeypatch.setenv(parallel.PROCESSES_ENV, "1")
    assert not parallel.warm(10**9) and parallel.worker_pids() == []


def test_the_command_line_module_imports_no_duckdb_or_arrow():
    """Spawned workers import their parent's __main__ again: for `textwarehouse` / `python -m
    pipelines.cli`, this module. DuckDB and Arrow there cost each worker ~65 MiB it never uses."""
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

"""The whole pipeline's throughput beside bare spaCy, in one invocation.

    .venv/bin/python benchmarks/throughput.py [--docs N] [--processes P] [--per-file K] [--keep DIR]
        [--batch-bytes B] [--flat M]

Run it with --processes 1 and 2 to see what the second core brings to the whole pipeline.

1. Writes N Reuters-21578 bodies (default: all) as JSONL files of K documents into a fresh raw folder,
   holding back 1% of them.
2. Runs the real pipeline (`textwarehouse run`, Dagster included) into a fresh warehouse: wall time,
   words/s, peak memory (the largest process of the pipeline's own tree, and all of them together: their
   Pss summed, sampled), seconds per Dagster step, Parquet files per table.
3. Runs bare `nlp.pipe` with the same components and process count on the same texts the pipeline
   gives the model, the clean bodies, before the pipeline and after it, and prints the ratio against
   each: this machine's speed drifts. The clean bodies are computed before the run by the pipeline's
   own ingest and clean steps, in this process, and checked against the warehouse's after it.
   (Until session 23 the run before was on the raw bodies, which ran 6-10% slower a word than the
   clean ones, alternating on 5,000 bodies: 19,210 and 19,914 against 21,099 and 21,007 words/s; the
   ratio against that run, and the mean of the two, flattered the pipeline.) The model runs only `ner`, which is also the fastest way to the entities at all; then
   with `senter` on too (the issue's outside reference, "only senter + ner"); and `ner` on a quarter of
   the texts with one and with two processes. The entities step runs the model at about bare speed
   (0.99-1.05x where the machine held still, sessions 23-24), so its share of the run's wall time is
   about the ratio against a bare run made at the same moment, which the machine's drift between the
   runs does not move (session 24: two runs 0.80 and 0.84 against the mean of their bare runs, 0.765
   and 0.767 as that share).
4. Adds the held-back 1% and runs again: the incremental run's cost as a share of the full run.
5. Times `count(*)` of sentences and a join of mentions to entities from the DuckDB views.
6. With --flat M: runs the pipeline on the first M of the same documents into another fresh
   warehouse, same batch limits, and prints both peaks: memory must not grow with the corpus. Give
   --batch-bytes small enough that M documents make several batches, or the comparison is between
   batch sizes, not corpus sizes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import duckdb

WORD = re.compile(r"\w+")  # how the pipeline counts documents.n_words

SHARED = Path(__file__).resolve().parents[2] / "shared"


def reuters(n: int | None) -> list[dict]:
    docs = []
    with gzip.open(SHARED / "corpora" / "reuters21578.jsonl.gz", "rt") as fh:
        for line in fh:
            d = json.loads(line)
            if not d.get("body"):
                continue
            try:
                ts = datetime.strptime(d["date"].split(".")[0].strip(), "%d-%b-%Y %H:%M:%S").replace(tzinfo=UTC)
                published = ts.isoformat()
            except (ValueError, KeyError, AttributeError):
                published = None
            docs.append({"id": d["id"], "text": d["body"], "title": d.get("title"), "published_at": published})
            if n and len(docs) >= n:
                break
    return docs


def write_jsonl(folder: Path, docs: list[dict], per_file: int, prefix: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(0, len(docs), per_file):
        with open(folder / f"{prefix}-{i // per_file:05d}.jsonl", "w") as fh:
            for d in docs[i:i + per_file]:
                fh.write(json.dumps(d) + "\n")


def clean_bodies(raw: Path) -> list[str]:
    """The clean bodies the pipeline will give the model for the files under ``raw``, made by the
    pipeline's own steps in this process: ingest's reading (decoding, redaction, doc_ids) and the
    clean step (each source's repeated lines, then cleaning), with one process so that no workers
    linger beside the bare spaCy runs."""
    from pipelines.lib import parallel, steps
    from pipelines.lib.ingest import discover, read_files
    from pipelines.lib.schemas import table_from_rows

    read = read_files(raw, discover(raw), now=datetime.now(UTC), batch_id="benchmark", known_doc_ids=lambda ids: set())
    before = os.environ.get(parallel.PROCESSES_ENV)
    os.environ[parallel.PROCESSES_ENV] = "1"
    try:
        documents = steps.clean_batch(table_from_rows("raw_documents", read.documents))[0]
    finally:
        if before is None:
            del os.environ[parallel.PROCESSES_ENV]
        else:
            os.environ[parallel.PROCESSES_ENV] = before
    return documents.column("text").to_pylist()


class Peak(NamedTuple):
    largest: float  # MiB: the largest resident set of any one process of the run
    total: float    # MiB: the most its processes held together (Pss summed, sampled every SAMPLE_SECONDS)


SAMPLE_SECONDS = 1.0


def run_pipeline(raw: Path, wh: Path, home: Path, files_per_batch: int | None, processes: int,
                 batch_bytes: int | None = None) -> tuple[float, Peak, str]:
    env = dict(os.environ, DAGSTER_HOME=str(home), TEXTWAREHOUSE_PROCESSES=str(processes))
    if files_per_batch:
        env["TEXTWAREHOUSE_BATCH_FILES"] = str(files_per_batch)
    if batch_bytes:
        env["TEXTWAREHOUSE_BATCH_BYTES"] = str(batch_bytes)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", PEAK, sys.executable, "-m", "pipelines.cli", "run", "--raw", str(raw),
                             "--warehouse", str(wh)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    total = [0.0]
    sampler = threading.Thread(target=sample_total, args=(proc, total), daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    if proc.returncode:
        sys.exit(f"pipeline failed:\n{stderr[-3000:]}")
    log, _, peak_kib = stderr.rpartition("PEAK_KIB ")
    return wall, Peak(int(peak_kib) / 1024, total[0]), log


def sample_total(proc: subprocess.Popen, total: list[float]) -> None:
    """The most memory the run's processes held together: the sum of their proportional sets (Pss: a
    page shared by k processes counts 1/k in each, so that pages the workers share, such as the
    libraries', are not counted once per process), every SAMPLE_SECONDS until the run ends (a top
    shorter than that may be missed). Not more often: Pss took 3.7 ms to read for a process with the
    model loaded (the kernel walks its page tables), and a run has four of about that size beside small
    ones: read every 0.1 s that is ~8-10% of this 2-core machine taken from the run it measures, every
    second ~1% (computed from the time of a read)."""
    while proc.poll() is None:
        pids = _tree(proc.pid)[1:]  # not the wrapper that reports the largest process
        total[0] = max(total[0], sum(_pss_kib(pid) for pid in pids) / 1024)
        time.sleep(SAMPLE_SECONDS)


def _tree(root: int) -> list[int]:
    pids, stack = [], [root]
    while stack:
        pid = stack.pop()
        pids.append(pid)
        try:
            stack += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            pass
    return pids


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
    except OSError:  # the process ended meanwhile
        return 0


# Runs a command and reports the largest resident set of it and its own children (its workers), and
# not of this script's other children (bare spaCy's workers).
PEAK = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
        "sys.stderr.write(f'PEAK_KIB {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}'); sys.exit(r.returncode)")


def step_seconds(home: Path) -> dict[str, float]:
    os.environ["DAGSTER_HOME"] = str(home)
    import dagster as dg

    totals: dict[str, float] = defaultdict(float)
    with dg.DagsterInstance.get() as instance:
        for record in instance.get_run_records():
            for stat in instance.get_run_step_stats(record.dagster_run.run_id):
                if stat.end_time and stat.start_time:
                    totals[stat.step_key] += stat.end_time - stat.start_time
    return dict(totals)


def bare_pipe(texts: list[str], processes: int, *, senter: bool = False) -> float:
    """Seconds for ``nlp.pipe`` over ``texts``: the pipeline's own model (``ner`` only), or with
    ``senter`` on too, the issue's outside reference ("only senter + ner": no sentence is found without
    it, and ner carries its own tok2vec)."""
    from pipelines.lib import entities

    nlp = entities.load_nlp()
    if senter:  # the same model package, loaded again with senter kept
        import spacy

        nlp = spacy.load(nlp.path, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
        nlp.enable_pipe("senter")
        nlp.select_pipes(enable=["senter", "ner"])
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=processes):
        pass
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=0, help="how many bodies (default: all)")
    ap.add_argument("--processes", type=int, default=2, help="worker processes, for the pipeline "
                    "(TEXTWAREHOUSE_PROCESSES) and for bare nlp.pipe alike")
    ap.add_argument("--per-file", type=int, default=500, help="documents per JSONL file")
    ap.add_argument("--files-per-batch", type=int, default=None, help="default: the pipeline's own (2,000 files, 4 MiB)")
    ap.add_argument("--batch-bytes", type=int, default=None, help="raw bytes per batch (default: the pipeline's own, 4 MiB)")
    ap.add_argument("--flat", type=int, default=0, help="also run the first M documents alone and compare peak memory")
    ap.add_argument("--keep", help="keep the benchmark folders here")
    args = ap.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="throughput-"))
    shutil.rmtree(work, ignore_errors=True)
    raw, wh, home = work / "raw", work / "warehouse", work / "dagster"
    docs = reuters(args.docs or None)
    held = max(1, len(docs) // 100)
    write_jsonl(raw, docs[:-held], args.per_file, "reuters")
    print(f"{len(docs):,} Reuters-21578 bodies ({held} held back for the incremental run); "
          f"{args.per_file} per file, {args.files_per_batch or 'default'} files per batch; machine: {os.cpu_count()} cores")

    # This machine's speed drifts by a fifth from one minute to the next (a shared VM), so bare spaCy
    # is timed on both sides of the pipeline run, on the same texts, and the ratio is given against each.
    expected = clean_bodies(raw)
    expected_words = sum(len(WORD.findall(t)) for t in expected)
    bare_before = expected_words / bare_pipe(expected, args.processes)
    print(f"bare nlp.pipe before the pipeline, on the clean bodies: {bare_before:,.0f} words/s")

    wall, peak, log = run_pipeline(raw, wh, home, args.files_per_batch, args.processes, args.batch_bytes)
    con = duckdb.connect(str(wh / "warehouse.duckdb"), read_only=True)
    n_docs, words = con.execute("SELECT count(*), sum(n_words) FROM documents").fetchone()
    texts = [t for (t,) in con.execute("SELECT text FROM documents ORDER BY doc_id").fetchall()]
    con.close()
    print(f"\npipeline: {n_docs:,} documents, {words:,} words in {wall:.1f} s = {words / wall:,.0f} words/s "
          f"(peak memory: the largest process {peak.largest:,.0f} MiB; all the run's processes together "
          f"{peak.total:,.0f} MiB, Pss sampled every {SAMPLE_SECONDS:g} s)")
    steps = step_seconds(home)
    print("seconds per Dagster step (summed over batches):")
    for step, secs in sorted(steps.items(), key=lambda kv: -kv[1]):
        print(f"  {step:<45}{secs:>8.1f}")
    print(f"  {'(outside steps: process start, planning, Dagster)':<45}{wall - sum(steps.values()):>8.1f}")

    if "mentions" in steps:
        # the entities step runs the model at about bare spaCy's speed (0.99-1.05x where the machine held
        # still, sessions 23-24), so its share of the wall time is about the ratio against a bare run made
        # at the same moment: the ratios below move with the machine (2-8% in session 24)
        print(f"the entities step alone: {words / steps['mentions']:,.0f} words/s; its share of the run's wall time: "
              f"{steps['mentions'] / wall:.3f} (everything else: {wall - steps['mentions']:.1f} s)")
    same = sorted(texts) == sorted(expected)
    bare_after = words / bare_pipe(texts, args.processes)
    print(f"\nbare nlp.pipe, same components (ner), {args.processes} processes, on the clean bodies "
          f"({'the same texts as the warehouse holds' if same else 'NOT the texts the warehouse holds: see clean_bodies'}): "
          f"{bare_before:,.0f} words/s before the pipeline, {bare_after:,.0f} after")
    pipe_rate = words / wall
    print(f"ratio pipeline / bare nlp.pipe: {pipe_rate / bare_before:.2f} against the run before, "
          f"{pipe_rate / bare_after:.2f} against the run after, {2 * pipe_rate / (bare_before + bare_after):.2f} "
          "against their mean")
    outside = words / bare_pipe(texts, args.processes, senter=True)
    print(f"bare nlp.pipe with senter + ner (the issue's outside reference), {args.processes} processes, on the "
          f"clean bodies: {outside:,.0f} words/s; ratio pipeline / that: {pipe_rate / outside:.2f}")
    one = bare_pipe(texts[: max(1, len(texts) // 4)], 1)
    quarter_words = sum(len(WORD.findall(t)) for t in texts[: max(1, len(texts) // 4)])
    two = bare_pipe(texts[: max(1, len(texts) // 4)], 2)
    print(f"bare nlp.pipe on a quarter: 1 process {quarter_words / one:,.0f} words/s, 2 processes "
          f"{quarter_words / two:,.0f} words/s: x{one / two:.2f}")

    files = {t.name: len([p for p in t.glob('*.parquet') if not p.name.startswith('_')]) for t in sorted(wh.iterdir())
             if t.is_dir() and not t.name.startswith("_")}
    print("\nParquet files per table:", files)

    write_jsonl(raw, docs[-held:], args.per_file, "new")
    inc_wall, _, _ = run_pipeline(raw, wh, home, args.files_per_batch, args.processes, args.batch_bytes)
    print(f"incremental run adding {held} documents (1%): {inc_wall:.1f} s = {100 * inc_wall / wall:.1f}% of the full run")
    inc_steps = {k: v - steps.get(k, 0.0) for k, v in step_seconds(home).items()}
    print("  its steps: " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(inc_steps.items(), key=lambda kv: -kv[1])[:8])
          + f"; outside steps {inc_wall - sum(inc_steps.values()):.1f}")

    con = duckdb.connect(str(wh / "warehouse.duckdb"), read_only=True)
    start = time.perf_counter()
    n_sent = con.execute("SELECT count(*) FROM sentences").fetchone()[0]
    joined = con.execute("SELECT count(*) FROM mentions m JOIN entities e USING (entity_id)").fetchone()[0]
    print(f"count(*) of {n_sent:,} sentences + join of {joined:,} mentions to entities: "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")
    if args.flat:
        few = docs[: args.flat]
        write_jsonl(work / "raw-flat", few, args.per_file, "reuters")
        _, few_peak, few_log = run_pipeline(work / "raw-flat", work / "warehouse-flat", home / "flat", args.files_per_batch,
                                            args.processes, args.batch_bytes)
        batches = len(re.findall(r"batch \d+/\d+ done", log)), len(re.findall(r"batch \d+/\d+ done", few_log))
        print(f"flat memory, same batch limits: {len(docs) - held:,} documents ({batches[0]} batches) against "
              f"{len(few):,} ({batches[1]} batches): largest process {peak.largest:,.1f} against {few_peak.largest:,.1f} MiB "
              f"(x{peak.largest / few_peak.largest:.3f}), all processes together {peak.total:,.1f} against "
              f"{few_peak.total:,.1f} MiB (x{peak.total / few_peak.total:.3f})")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

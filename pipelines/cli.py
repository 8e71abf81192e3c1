"""The ``textwarehouse`` command: run, search, sql."""

from __future__ import annotations

import argparse
import atexit
import os
import re
import shutil
import sys
import time
from pathlib import Path

# DuckDB and Arrow (pipelines.lib.database) are imported where used, not here: the worker processes
# import this module again (it is their parent's __main__) and never need DuckDB (with both, +65 MiB
# resident each), and each process must choose Arrow's allocator before Arrow is imported
# (progress.lean_allocators)
from pipelines.lib import parallel, progress, settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="textwarehouse", description="Raw text in, a searchable DuckDB warehouse out.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser("run", help="one incremental run over the raw folder, executed by Dagster")
    p_search = sub.add_parser("search", help="ranked sentences for a query (BM25), with their document titles")
    p_search.add_argument("query", help="words to look for, e.g. \"soybean imports\"")
    p_search.add_argument("--limit", type=_at_least_one, default=10, help="how many sentences (default 10)")
    p_sql = sub.add_parser("sql", help="run SQL against the warehouse, or open the DuckDB shell")
    p_sql.add_argument("sql", nargs="?", help="the SQL to run; without it, the DuckDB shell opens")
    for p in (p_run, p_search, p_sql):
        p.add_argument("--warehouse", help=f"warehouse folder (default: ${settings.WAREHOUSE_ENV} or data/warehouse)")
    p_run.add_argument("--raw", help=f"raw folder (default: ${settings.RAW_ENV} or data/raw)")
    args = parser.parse_args(argv)
    if args.warehouse:
        os.environ[settings.WAREHOUSE_ENV] = str(settings.warehouse_dir(args.warehouse))
    if getattr(args, "raw", None):
        os.environ[settings.RAW_ENV] = str(settings.raw_dir(args.raw))
    import duckdb  # here, not at the top: see the imports (the workers import this module, never call main)

    try:
        return {"run": cmd_run, "search": cmd_search, "sql": cmd_sql}[args.command](args)
    except (FileNotFoundError, RuntimeError, duckdb.Error) as exc:
        # DuckDB's own message points at the mistake (a wrong column, the file locked by a writer): no traceback
        hint = ("\n(the tables and their columns: textwarehouse sql \"SHOW ALL TABLES\", or the README's Tables)"
                if args.command == "sql" and isinstance(exc, duckdb.Error) else "")
        print(f"textwarehouse {args.command}: {exc}{hint}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C outside a Dagster step (a step's own is a failed run: _failure_line)
        print(f"textwarehouse {args.command}: interrupted" + (
            "; nothing of an unfinished batch was committed: run again to finish" if args.command == "run" else ""),
            file=sys.stderr)
        return INTERRUPTED


def _at_least_one(value: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 1 or more")
    return n


INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C


def say(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)


def cmd_run(args) -> int:
    progress.lean_allocators()  # first: before pyarrow is imported and any thread starts
    ensure_dagster_home()
    from pipelines.lib import database
    from pipelines.lib.planning import plan_new_batches
    from pipelines.lib.storage import Warehouse

    raw, wh = settings.raw_dir(), Warehouse(settings.warehouse_dir())
    created = not raw.exists()  # planning creates it (the contract); saying so shows a mistyped --raw
    started = time.perf_counter()
    with wh.lock(say=say):
        recovered = wh.recover()
        if recovered["rolled_forward"] or recovered["discarded"]:
            say(f"recovered from an interrupted run: finished {len(recovered['rolled_forward'])} commit(s), "
                f"discarded {len(recovered['discarded'])} partial batch(es) to redo")
        wh.init()
        database.install(wh.root)
        new = plan_new_batches(raw, wh)
        pending = wh.pending_batches()
        if not pending:
            print(f"Nothing new in {raw}: the warehouse at {wh.root} is unchanged."
                  + (f" ({raw} did not exist: created it, empty.)" if created else ""))
            return 0
        files = {b: wh.read_manifest(b)["files"] for b in pending}
        batch_bytes = {b: sum(f["size"] for f in fs) for b, fs in files.items()}
        new_bytes = sum(batch_bytes.values())
        warm = parallel.warm(new_bytes)
        say(f"{len(new)} new batch(es) planned from {raw}; {len(pending)} to run ({new_bytes / 1e6:,.1f} MB)"
            + (f"; {parallel.processes()} worker processes, forked from a server loading the model meanwhile" if warm else ""))
        # imported only now, so that warm workers load the model while Dagster loads
        import warnings

        warnings.filterwarnings("ignore", module="dagster")
        import dagster as dg

        from pipelines.definitions import defs
        from pipelines.defs.logging import compact_console

        instance = dg.DagsterInstance.get()
        instance.add_dynamic_partitions("batches", [b for b in pending if not instance.has_dynamic_partition("batches", b)])
        job = defs.resolve_job_def("textwarehouse_job").with_logger_defs({"console": compact_console})
        runs_started, bytes_done = time.perf_counter(), 0
        for i, batch_id in enumerate(pending, 1):
            say(f"batch {i}/{len(pending)} {batch_id}: {len(files[batch_id]):,} file(s)")
            batch_started = time.perf_counter()
            result = job.execute_in_process(partition_key=batch_id, instance=instance, raise_on_error=False,
                                            run_config={"loggers": {"console": {"config": {"log_level": "INFO"}}}},
                                            tags={"textwarehouse/trigger": "cli"})
            if not result.success:
                print(_failure_line(result, batch_id), file=sys.stderr)
                return INTERRUPTED if _interrupted_step(result) else 1
            if i < len(pending):  # give freed memory back before the next batch
                progress.release_free_memory()
            memory = progress.memory_line(parallel.worker_pids(), parallel.helper_pid(), parallel.fork_server_pid())
            if i < len(pending):
                parallel.renew()  # after the line, which reports what this batch left in them
            bytes_done += batch_bytes[batch_id]
            left = new_bytes - bytes_done
            eta = f"; {progress.duration(left * (time.perf_counter() - runs_started) / bytes_done)} left for the other " \
                  f"{len(pending) - i} batch(es)" if left and bytes_done else ""
            say(f"batch {i}/{len(pending)} done in {time.perf_counter() - batch_started:.1f}s" + (f"; {memory}" if memory else "") + eta)
    print(summary(wh.root, time.perf_counter() - started, len(pending)))
    return 0


def _interrupted_step(result) -> str | None:
    """The step that Ctrl-C stopped, if it did."""
    return next((event.step_key for event in result.all_events if event.is_step_failure and event.step_failure_data.error
                 and "DagsterExecutionInterruptedError" in (event.step_failure_data.error.cls_name or "")), None)


def _failure_line(result, batch_id: str) -> str:
    """One line naming the failed check or step, the batch and the error, then where to look."""
    if step := _interrupted_step(result):
        return (f"textwarehouse run interrupted in step {step!r} for batch {batch_id}: nothing of this batch "
                f"was committed; run again to finish it (run id {result.run_id}).")
    for event in result.all_events:  # a blocking check fails its step: say which check, and why
        if event.event_type_value == "ASSET_CHECK_EVALUATION" and not event.event_specific_data.passed:
            check = event.event_specific_data
            return (f"textwarehouse run stopped: check {check.check_name} failed for batch {batch_id}: {check.description}\n"
                    f"The warehouse is unchanged for this batch (run id {result.run_id}; the failing rows in `make ui`).")
    for event in result.all_events:
        if event.is_step_failure:
            error = event.step_failure_data.error
            cause = error.cause if error and error.cause else error
            message = (cause.message if cause else "unknown error").strip().splitlines()[-1]
            return (f"textwarehouse run failed in step {event.step_key!r} for batch {batch_id}: {message}\n"
                    f"The warehouse is unchanged for this batch; fix the cause and run again "
                    f"(run id {result.run_id}; details in `make ui`).")
    return f"textwarehouse run failed for batch {batch_id} (run id {result.run_id}; details in `make ui`)"


def ensure_dagster_home() -> Path:
    """``$DAGSTER_HOME`` (default ``.dagster/``) with a dagster.yaml: no telemetry, one queued run at a time."""
    home = settings.dagster_home()
    os.environ["DAGSTER_HOME"] = str(home)
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text(
            "telemetry:\n  enabled: false\n"
            "run_queue:\n  max_concurrent_runs: 1\n"
        )
    return home


def summary(root: Path, seconds: float, n_batches: int) -> str:
    from pipelines.lib import database

    # in the warehouse process, if the run has one: the example query reads every document
    counts, example_sql, example_text = parallel.isolated(database.summary, root)
    counts = list(counts.items())
    width = max(len(t) for t, _ in counts)
    lines = [f"Done: {n_batches} batch(es) in {seconds:.1f}s. Warehouse {root}", ""]
    lines += [f"  {t:<{width}}  {n:>10,}" for t, n in counts]
    lines += ["", "Example query (sql/queries/example.sql), or any SQL with `make sql`:", example_sql.strip(), example_text]
    return "\n".join(lines)


def cmd_search(args) -> int:
    """Print the best sentences; the query reaches SQL only as a parameter."""
    import textwrap

    from pipelines.lib import database

    bold = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("**", "**")
    with database.connect(settings.warehouse_dir()) as con:
        terms = con.execute("SELECT tw_tokens($query)", {"query": args.query}).fetchone()[0] or []
        rows = con.execute(database.read_sql("queries/search_cli.sql"), {"query": args.query, "limit": args.limit}).fetchall()
        if not rows:
            print(f"No sentence matches {args.query!r}." + ("" if terms else " (it has no searchable word)"))
            return 0
        for rank, score, title, doc_id, sentence_id, text in rows:
            words = text.split()
            # the index's own tokenizer decides which words match, so highlighting agrees with ranking
            hits = con.execute("SELECT [len(list_intersect(tw_tokens(w), $terms)) > 0 FOR w IN $words]",
                               {"terms": terms, "words": words}).fetchone()[0]
            marked = " ".join(_bold(w, bold) if hit else w for w, hit in zip(words, hits, strict=True))
            print(f"{rank:>3}. {score:6.2f}  {title}  [{doc_id}#{sentence_id}]")
            print(textwrap.indent(textwrap.fill(marked, width=100), "       "))
    return 0


# the characters sql/macros/tokens.sql splits tokens at (besides spaces): a matching word is bolded
# without those it starts or ends with ("$**11** **billion**,", not "**$11** **billion,**")
_EDGE = "!-/:-@\\[-`{-~¡-¿‐-‧‰-⁞—–“”‘’…«»·•€£¥"
_WORD_EDGES = re.compile(f"^([{_EDGE}]*)(.*?)([{_EDGE}]*)$", re.DOTALL)


def _bold(word: str, marks: tuple[str, str]) -> str:
    lead, core, tail = _WORD_EDGES.match(word).groups()
    if "." in core and tail.startswith("."):
        core, tail = core + ".", tail[1:]  # an abbreviation keeps its stop: "**U.S.**", not "**U.S**."
    return f"{lead}{marks[0]}{core}{marks[1]}{tail}" if core else f"{marks[0]}{word}{marks[1]}"


def cmd_sql(args) -> int:
    from pipelines.lib import database

    root = settings.warehouse_dir()
    if args.sql:
        with database.connect(root) as con:
            relation = con.sql(args.sql)
            if relation is not None:
                relation.show(max_rows=100, max_width=160)
        return 0
    shell = shutil.which("duckdb", path=str(Path(sys.executable).parent)) or shutil.which("duckdb")
    if not shell:
        raise RuntimeError("the DuckDB shell (duckdb-cli) is not installed; run `make sql` to set it up")
    db = root / "warehouse.duckdb"
    if not db.exists():
        raise FileNotFoundError(f"no warehouse at {db}: run `textwarehouse run` (or `make run`) first")
    os.execv(shell, [shell, "-readonly", str(db)])
    return 0


def entry() -> None:
    """The ``textwarehouse`` command: ``main``, then a quick exit. Once the command is done (its files
    closed, the atexit handlers run, the output flushed), the interpreter's teardown of Dagster's
    objects has nothing left to save and took 1.3 s of a 15 s incremental run."""
    code = main()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    entry()

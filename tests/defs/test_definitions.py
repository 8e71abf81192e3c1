"""The Dagster definitions load, and the sensor, schedule and assets do their job."""

import hashlib
import os
import shutil
import subprocess
import sys

import dagster as dg
import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.definitions import defs
from pipelines.defs.ingest.sensors import raw_files_sensor
from pipelines.defs.partitions import batches
from pipelines.defs.resources import WarehouseResource
from pipelines.defs.warehouse import checks
from pipelines.lib.ingest import content_id
from pipelines.lib.storage import Warehouse
from tests.conftest import SEED

CONTRACT_ASSETS = {"raw_documents", "rejected", "files", "documents", "removed", "minhashes", "paragraphs", "sentences",
                   "mentions", "entities", "figures", "dates", "postings", "sentence_lengths",
                   "warehouse"}


def test_definitions_load():
    graph = defs.resolve_asset_graph()
    assert {k.to_user_string() for k in graph.get_all_asset_keys()} == CONTRACT_ASSETS
    assert defs.resolve_job_def("textwarehouse_job")
    assert defs.resolve_sensor_def("raw_files_sensor")
    assert defs.resolve_schedule_def("incremental_schedule").cron_schedule == "0 * * * *"
    groups = {graph.get(k).group_name for k in graph.get_all_asset_keys()}
    assert groups == {"ingest", "clean", "segment", "extract", "search", "warehouse"}


def tick(instance, folders, cursor=None):
    """One evaluation of the sensor, as the daemon runs it (the resource is a context manager)."""
    with dg.build_sensor_context(instance=instance, cursor=cursor, resources={"folders": folders}) as context:
        return raw_files_sensor(context)


def test_sensor_requests_new_files_once(tmp_path, dagster_home):
    raw, wh = tmp_path / "raw", tmp_path / "wh"
    raw.mkdir()
    folders = WarehouseResource(raw_dir=str(raw), warehouse_dir=str(wh))
    with dg.instance_for_test() as instance:
        empty = tick(instance, folders)
        assert isinstance(empty, dg.SkipReason)
        shutil.copy(SEED, raw / "a.txt")
        result = tick(instance, folders)
        assert len(result.run_requests) == 1
        batch = result.run_requests[0].partition_key
        assert result.run_requests[0].run_key == batch
        assert result.dynamic_partitions_requests[0].partition_keys == [batch]
        # the file is planned, not yet ingested: the next tick asks again with the same run key (deduplicated)
        again = tick(instance, folders, cursor=result.cursor)
        assert [r.run_key for r in again.run_requests] == [batch]


def test_materialize_assets_into_a_temporary_warehouse(tmp_path, dagster_home):
    raw, wh = tmp_path / "raw", tmp_path / "wh"
    raw.mkdir()
    shutil.copy(SEED, raw / "seed.txt")
    folders = WarehouseResource(raw_dir=str(raw), warehouse_dir=str(wh))
    with dg.instance_for_test() as instance:
        result = tick(instance, folders)
        batch = result.run_requests[0].partition_key
        instance.add_dynamic_partitions(batches.name, [batch])
        out = dg.materialize(list(defs.assets), partition_key=batch, instance=instance, resources={"folders": folders},
                             selection=dg.AssetSelection.all())
        assert out.success
        evaluated = [e.event_specific_data for e in out.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
        assert sorted(c.check_name for c in evaluated) == sorted(s.name for s in checks.SPECS)
        assert all(c.passed for c in evaluated)
        # materialized again (from the UI, say): the batch is committed, every step says so and adds nothing
        again = dg.materialize(list(defs.assets), partition_key=batch, instance=instance, resources={"folders": folders})
        assert again.success
        evaluated = [e.event_specific_data for e in again.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
        assert len(evaluated) == len(checks.SPECS) and all(c.passed and "already committed" in c.description for c in evaluated)
    with duckdb.connect(str(wh / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
        assert con.execute("""SELECT count(*) FROM sentences s JOIN documents d USING (doc_id)
                              WHERE substring(d.text, s.start + 1, s."end" - s.start) <> s.text""").fetchone() == (0,)


def test_a_failed_check_stops_the_batch_before_its_commit(tmp_path, dagster_home):
    """The checks are blocking and run in the clean step, right after its staging. A warehouse whose
    committed documents already hold the doc_id of a new file's document (here written in by hand;
    ingest compares with raw_documents, the check with documents) gets the batch stopped in that step,
    with the check's reason; nothing downstream runs, and the warehouse keeps only what it had."""
    raw, wh = tmp_path / "raw", tmp_path / "wh"
    raw.mkdir()
    shutil.copy(SEED, raw / "seed.txt")
    folders = WarehouseResource(raw_dir=str(raw), warehouse_dir=str(wh))
    resources = {"folders": folders}
    brief = b"Exports rose 4.5 pct in March, the ministry said on Tuesday.\n"
    with dg.instance_for_test() as instance:
        first = tick(instance, folders)
        batch = first.run_requests[0].partition_key
        instance.add_dynamic_partitions(batches.name, [batch])
        assert dg.materialize(list(defs.assets), partition_key=batch, instance=instance, resources=resources).success
        committed = wh / "documents" / f"{batch}.parquet"
        documents = pq.read_table(committed)
        pq.write_table(documents.set_column(documents.schema.get_field_index("doc_id"), "doc_id",
                                            pa.array([content_id(hashlib.sha256(brief).hexdigest())])), committed)
        (raw / "brief.txt").write_bytes(brief)
        second = tick(instance, folders, cursor=first.cursor)
        batch2 = second.run_requests[0].partition_key
        instance.add_dynamic_partitions(batches.name, [batch2])
        out = dg.materialize(list(defs.assets), partition_key=batch2, instance=instance, resources=resources,
                             raise_on_error=False)
        assert not out.success
        failed = [e.event_specific_data for e in out.all_events
                  if e.event_type_value == "ASSET_CHECK_EVALUATION" and not e.event_specific_data.passed]
        assert [c.check_name for c in failed] == ["documents_doc_id_unique"] and "duplicate doc_ids" in failed[0].description
        assert [e.step_key for e in out.all_events if e.is_step_failure] == ["clean"]
        assert not any(e.is_step_success and e.step_key in ("mentions", "warehouse") for e in out.all_events)
    assert not Warehouse(wh).is_committed(batch2)
    with duckdb.connect(str(wh / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM raw_documents").fetchone() == (1,)


def test_a_run_holds_the_warehouse_lock_from_first_step_to_last(tmp_path, dagster_home):
    """Another process (a sensor tick in the daemon, a second run) cannot take the lock mid-run, so
    it can never recover away a batch being built: a real daemon did exactly that before."""
    folders = WarehouseResource(raw_dir=str(tmp_path / "raw"), warehouse_dir=str(tmp_path / "wh"))
    probe = ("import fcntl, sys\nwith open(sys.argv[1], 'a') as fh:\n    try:\n"
             "        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)\n        print('free')\n"
             "    except BlockingIOError:\n        print('held')\n")

    @dg.asset
    def probe_lock(folders: WarehouseResource) -> str:
        lock = folders.warehouse().root / ".lock"
        return subprocess.run([sys.executable, "-c", probe, str(lock)], capture_output=True, text=True).stdout.strip()

    with dg.instance_for_test() as instance:
        out = dg.materialize([probe_lock], instance=instance, resources={"folders": folders})
    assert out.output_for_node("probe_lock") == "held"
    assert subprocess.run([sys.executable, "-c", probe, str(tmp_path / "wh" / ".lock")], capture_output=True,
                          text=True).stdout.strip() == "free"


def test_a_tick_takes_a_few_batches_and_the_schedule_runs_the_same_plan(tmp_path, dagster_home, monkeypatch):
    from pipelines.defs.ingest.sensors import MAX_BATCHES_PER_TICK
    from pipelines.defs.warehouse.schedules import incremental_schedule

    raw, wh = tmp_path / "raw", tmp_path / "wh"
    raw.mkdir()
    folders = WarehouseResource(raw_dir=str(raw), warehouse_dir=str(wh))
    monkeypatch.setenv("TEXTWAREHOUSE_BATCH_FILES", "1")  # one file per batch
    for i in range(MAX_BATCHES_PER_TICK + 2):
        (raw / f"f{i}.txt").write_text(f"Story {i}: copper rose {i} pct in London on Friday, dealers said.\n")
    with dg.instance_for_test() as instance:
        first = tick(instance, folders)
        assert len(first.run_requests) == MAX_BATCHES_PER_TICK  # capped; the rest wait for the next tick
        with dg.build_schedule_context(instance=instance, resources={"folders": folders}) as context:
            requests = incremental_schedule(context)
        # the schedule plans the files the sensor left, and requests (at most as many) pending batches
        pending = Warehouse(wh).pending_batches()
        assert len(pending) == MAX_BATCHES_PER_TICK + 2
        assert len(requests) == MAX_BATCHES_PER_TICK and {r.partition_key for r in requests} <= set(pending)
        with Warehouse(wh).lock():  # a run holds the lock: both skip and say why
            held = subprocess.run([sys.executable, "-c", SKIP_PROBE, str(raw), str(wh), os.environ["DAGSTER_HOME"]],
                                  capture_output=True, text=True)
        assert held.stdout.split("\n")[:2] == ["sensor: a run holds the warehouse lock; trying again next tick",
                                               "schedule: a run holds the warehouse lock; the next tick will pick "
                                               "the files up"], held.stderr[-2000:]


SKIP_PROBE = """
import sys
import dagster as dg
from pipelines.defs.ingest.sensors import raw_files_sensor
from pipelines.defs.resources import WarehouseResource
from pipelines.defs.warehouse import checks
from pipelines.lib.storage import Warehouse
from pipelines.defs.warehouse.schedules import incremental_schedule
folders = WarehouseResource(raw_dir=sys.argv[1], warehouse_dir=sys.argv[2])
with dg.instance_for_test() as instance:
    with dg.build_sensor_context(instance=instance, resources={"folders": folders}) as context:
        print("sensor: " + raw_files_sensor(context).skip_message)
    with dg.build_schedule_context(instance=instance, resources={"folders": folders}) as context:
        print("schedule: " + incremental_schedule(context).skip_message)
"""

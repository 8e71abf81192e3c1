"""The sensor that watches the raw folder and turns new files into batch partitions and runs."""


import json
from datetime import UTC, datetime

import dagster as dg

from pipelines.defs.jobs import textwarehouse_job
from pipelines.defs.partitions import batches
from pipelines.defs.resources import WarehouseResource
from pipelines.lib import settings
from pipelines.lib.planning import plan_new_batches

MAX_BATCHES_PER_TICK = settings.positive_int("TEXTWAREHOUSE_SENSOR_MAX_BATCHES", 4)


def request_new_batches(folders: WarehouseResource, *, max_batches: int) -> tuple[list[str], list[str]] | None:
    """Plan new files into batches and return (new batch ids, every pending batch id to run, capped);
    None when a run holds the warehouse lock (the next tick tries again)."""
    wh = folders.warehouse()
    with wh.lock(wait=False) as got:
        if not got:
            return None
        wh.recover()
        new = plan_new_batches(folders.raw(), wh, max_batches=max_batches)
        pending = wh.pending_batches()[:max_batches]
    return new, pending


@dg.sensor(job=textwarehouse_job, minimum_interval_seconds=settings.positive_int("TEXTWAREHOUSE_SENSOR_SECONDS", 30),
           default_status=dg.DefaultSensorStatus.RUNNING,
           description="Requests a run for each batch of new files in the raw folder (at most a few batches a tick).")
def raw_files_sensor(context: dg.SensorEvaluationContext, folders: WarehouseResource):
    """New files become a dynamic partition and a run; the run key is the batch id, so a batch is
    never requested twice, and the ledger means ingested files are never planned again."""
    cursor = json.loads(context.cursor) if context.cursor else {}
    planned = request_new_batches(folders, max_batches=MAX_BATCHES_PER_TICK)
    if planned is None:
        return dg.SkipReason("a run holds the warehouse lock; trying again next tick")
    new, pending = planned
    if not pending:
        return dg.SkipReason("no new files in the raw folder")
    cursor = {"last_tick": datetime.now(UTC).isoformat(), "last_batch": pending[-1],
              "planned": cursor.get("planned", 0) + len(new)}
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=b, partition_key=b) for b in pending],
        dynamic_partitions_requests=[batches.build_add_request(pending)],
        cursor=json.dumps(cursor),
    )

"""The schedule: the same incremental run as the sensor, on the clock (hourly unless configured)."""


import os

import dagster as dg

from pipelines.defs.ingest.sensors import MAX_BATCHES_PER_TICK, request_new_batches
from pipelines.defs.jobs import textwarehouse_job
from pipelines.defs.partitions import batches
from pipelines.defs.resources import WarehouseResource

CRON = os.environ.get("TEXTWAREHOUSE_SCHEDULE", "0 * * * *")


@dg.schedule(cron_schedule=CRON, job=textwarehouse_job, default_status=dg.DefaultScheduleStatus.RUNNING,
             description="Runs every pending batch of new raw files; cron from $TEXTWAREHOUSE_SCHEDULE.")
def incremental_schedule(context: dg.ScheduleEvaluationContext, folders: WarehouseResource):
    """Plan new files into batches and request one run per pending batch."""
    planned = request_new_batches(folders, max_batches=MAX_BATCHES_PER_TICK)
    if planned is None:
        return dg.SkipReason("a run holds the warehouse lock; the next tick will pick the files up")
    _, pending = planned
    if not pending:
        return dg.SkipReason("no new files in the raw folder")
    context.instance.add_dynamic_partitions(batches.name, pending)
    return [dg.RunRequest(run_key=b, partition_key=b) for b in pending]

"""The one job: every asset of a batch partition, in one process (spaCy brings its own workers)."""

import dagster as dg

from pipelines.defs.partitions import batches

textwarehouse_job = dg.define_asset_job(
    name="textwarehouse_job",
    selection=dg.AssetSelection.all(),
    partitions_def=batches,
    executor_def=dg.in_process_executor,
    description="Ingest one batch of new raw files and take it through every stage into the warehouse.",
)

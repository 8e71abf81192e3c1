"""The one job: every asset of a batch partition, in one process (spaCy brings its own workers)."""

import dagster as dg

from pipelines.defs.partitions import batches
from pipelines.lib import progress


@dg.success_hook(name="release_free_memory")
def release_free_memory(_context: dg.HookContext) -> None:
    """After each step, give the memory it freed back (Arrow's pool, glibc's heap): the steps run in
    one process, one after another, and each would otherwise start on the previous one's high-water mark."""
    progress.release_free_memory(collect=False)


textwarehouse_job = dg.define_asset_job(
    name="textwarehouse_job",
    selection=dg.AssetSelection.all(),
    partitions_def=batches,
    executor_def=dg.in_process_executor,
    hooks={release_free_memory},
    description="Ingest one batch of new raw files and take it through every stage into the warehouse.",
)

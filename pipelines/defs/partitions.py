"""Assets are partitioned by ingest batch: one dynamic partition per batch of new raw files."""

import dagster as dg

batches = dg.DynamicPartitionsDefinition(name="batches")

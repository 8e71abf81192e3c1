"""The Dagster definitions of textwarehouse: assembled here, defined under ``pipelines/defs``."""

import warnings

import dagster as dg

from pipelines.defs.clean import assets as clean
from pipelines.defs.extract import assets as extract
from pipelines.defs.ingest import assets as ingest
from pipelines.defs.ingest.sensors import raw_files_sensor
from pipelines.defs.jobs import textwarehouse_job
from pipelines.defs.logging import compact_console
from pipelines.defs.resources import WarehouseResource
from pipelines.defs.search import assets as search
from pipelines.defs.warehouse import assets as warehouse
from pipelines.defs.warehouse.schedules import incremental_schedule

warnings.filterwarnings("ignore", category=dg.PreviewWarning)

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([ingest, clean, extract, search, warehouse]),
    jobs=[textwarehouse_job],
    sensors=[raw_files_sensor],
    schedules=[incremental_schedule],
    resources={"folders": WarehouseResource()},
    loggers={"console": compact_console},
)

"""The one resource the assets share: where the raw folder and the warehouse are."""


from pathlib import Path

import dagster as dg

from pipelines.lib import settings
from pipelines.lib.storage import Warehouse


class WarehouseResource(dg.ConfigurableResource):
    """Folders from config, else ``$TEXTWAREHOUSE_RAW`` / ``$TEXTWAREHOUSE_DIR``, else the defaults."""

    raw_dir: str | None = None
    warehouse_dir: str | None = None

    def raw(self) -> Path:
        return settings.raw_dir(self.raw_dir)

    def warehouse(self) -> Warehouse:
        return Warehouse(settings.warehouse_dir(self.warehouse_dir))

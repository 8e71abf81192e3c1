"""The one resource the assets share: where the raw folder and the warehouse are."""

from collections.abc import Iterator
from contextlib import contextmanager
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

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator["WarehouseResource"]:
        """A run holds the warehouse's write lock from its first step to its last (the job runs its
        steps in one process), so a sensor tick or another run never recovers, plans over or
        commits beside a batch that is being built; it first finishes or discards what a killed
        run left. Sensors and schedules only try the lock (see ``request_new_batches``)."""
        if getattr(context, "dagster_run", None) is None:  # a sensor or schedule evaluation
            yield self
            return
        wh = self.warehouse()
        log = context.log.info if context.log else None
        with wh.lock(say=log):
            recovered = wh.recover()
            if log and (recovered["rolled_forward"] or recovered["discarded"]):
                log(f"recovered from an interrupted run: finished {len(recovered['rolled_forward'])} commit(s), "
                    f"discarded {len(recovered['discarded'])} partial batch(es) to redo")
            yield self

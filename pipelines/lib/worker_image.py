"""Imported once, by the fork server the workers are forked from (``parallel``): the server imports
the steps' modules and loads the spaCy model and the unit registry (``parallel.preload``), so that
every worker forked from it starts with them loaded, in pages it shares with the server until it
writes them.

Nothing raised here may stop the server (it would die before its first fork, and every step would
fail with a broken pipe): a worker then loads what failed itself, and its step fails with the real
error (a missing model names the command that installs it)."""

from pipelines.lib import parallel

try:
    parallel.preload()
except Exception:  # noqa: BLE001, S110 - reported by the first worker that needs it, as said above
    pass

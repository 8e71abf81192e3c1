"""Fault injection for the crash tests: ``TEXTWAREHOUSE_FAULT=<point>`` kills the process there.

Points: ``ingest`` (after reading, before staging), ``nlp`` (after the first NER batch), ``commit``
(after the commit marker and the first rename), ``raise:<point>`` raises instead of killing, and
``interrupt:<point>`` sends Ctrl-C's SIGINT to the process group, as a terminal does (start the run in
a session of its own: the group is every process of it). Unset
(always, outside tests) it costs one dictionary lookup.
"""

from __future__ import annotations

import os
import signal

ENV = "TEXTWAREHOUSE_FAULT"


def point(name: str) -> None:
    wanted = os.environ.get(ENV)
    if not wanted:
        return
    if wanted == name:
        os.kill(os.getpid(), signal.SIGKILL)
    if wanted == f"raise:{name}":
        raise RuntimeError(f"injected failure at {name} ({ENV} is set)")
    if wanted == f"interrupt:{name}":
        os.killpg(os.getpgrp(), signal.SIGINT)

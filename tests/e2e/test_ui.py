"""`dagster dev -w workspace.yaml` for real, on a free loopback port: the UI seen in headless
Chromium (Debian's package, driven by playwright) with the asset graph and the last run, then the
daemon's sensor picking up a file dropped into the raw folder and running it into the warehouse."""

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from pipelines.definitions import defs
from tests.conftest import ROOT, SEED
from tests.e2e.test_cli_run import run_cli

pytestmark = pytest.mark.e2e
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
OUTPUT = ROOT / "tests" / "output"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def graph_group(asset: str) -> str:
    graph = defs.resolve_asset_graph()
    return next(graph.get(k).group_name for k in graph.get_all_asset_keys() if k.to_user_string() == asset)


def graphql(port: int, query: str) -> dict:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": query}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())["data"]


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")
def test_dagster_dev_shows_the_lineage_and_its_sensor_ingests_a_new_file(folders, dagster_home):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    raw, wh = folders
    shutil.copy(SEED, raw / "seed.txt")
    run_cli("run")
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "dagster"), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=ROOT, env=dict(os.environ, TEXTWAREHOUSE_SENSOR_SECONDS="5"), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.time() + 180
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2)
                break
            except OSError:
                assert time.time() < deadline, "dagster dev did not answer in 180 s"
                time.sleep(1)
        # the code location loads asynchronously: wait for its assets
        expected = {k.to_user_string(): {d.to_user_string() for d in defs.resolve_asset_graph().get(k).parent_keys}
                    for k in defs.resolve_asset_graph().get_all_asset_keys()}
        while True:
            nodes = graphql(port, "{ assetNodes { assetKey { path } dependencyKeys { path } } }")["assetNodes"]
            if nodes or time.time() > deadline:
                break
            time.sleep(1)
        lineage = {"/".join(n["assetKey"]["path"]): {"/".join(d["path"]) for d in n["dependencyKeys"]} for n in nodes}
        assert lineage == expected
        runs = graphql(port, '{ runsOrError { ... on Runs { results { runId status jobName } } } }')["runsOrError"]["results"]
        assert runs and runs[0]["status"] == "SUCCESS" and runs[0]["jobName"] == "textwarehouse_job"

        OUTPUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"])
            page = browser.new_page(viewport={"width": 1800, "height": 1100})
            # the community dialog of a fresh DAGSTER_HOME opens a moment after the page: dismiss it
            # before every click and screenshot
            skip = page.get_by_role("button", name="Skip")

            def dismiss():
                if skip.count() and skip.first.is_visible():
                    skip.first.click()
                    skip.first.wait_for(state="hidden", timeout=10_000)
            page.goto(f"http://127.0.0.1:{port}/asset-groups", wait_until="networkidle")
            page.wait_for_timeout(2000)
            with contextlib.suppress(PlaywrightTimeout):
                skip.first.wait_for(state="visible", timeout=5_000)
            groups = sorted({graph_group(a) for a in expected})
            for group in groups:  # open each group of the sidebar tree: its assets are listed by name
                entry = page.locator("button").filter(has_text=re.compile(rf"^\s*{group}\s*{group}\s*$")).first
                dismiss()
                box = entry.bounding_box()
                page.mouse.click(box["x"] - 12, box["y"] + box["height"] / 2)
                page.wait_for_timeout(300)
            page.wait_for_timeout(1500)
            dismiss()
            page.screenshot(path=str(OUTPUT / "ui-asset-graph.png"))
            body = page.inner_text("body")
            missing = [a for a in expected if a not in body.split()]
            assert not missing, f"not drawn in the asset graph: {missing} (see {OUTPUT / 'ui-asset-graph.png'})"
            page.goto(f"http://127.0.0.1:{port}/runs", wait_until="networkidle")
            page.get_by_text(runs[0]["runId"][:8]).first.wait_for(timeout=60_000)
            page.screenshot(path=str(OUTPUT / "ui-runs.png"))
            browser.close()

        # the daemon's sensor (every 5 s here) sees a new file, plans its batch and launches a run
        (raw / "late.txt").write_text("Zanzibar clove exports rose 12 pct to 40,000 tonnes last year, "
                                      "the island's trade ministry said on Monday.\n", encoding="utf-8")
        deadline = time.time() + 240
        while True:
            runs = graphql(port, '{ runsOrError { ... on Runs { results { runId status tags { key value } } } } }'
                           )["runsOrError"]["results"]
            by_sensor = [r for r in runs if {"key": "dagster/sensor_name", "value": "raw_files_sensor"} in r["tags"]]
            if by_sensor and by_sensor[0]["status"] in ("SUCCESS", "FAILURE", "CANCELED"):
                break
            assert time.time() < deadline, f"no sensor run finished within 240 s: {runs}"
            time.sleep(2)
        if by_sensor[0]["status"] != "SUCCESS":
            run_id = by_sensor[0]["runId"]
            events = graphql(port, '{ logsForRun(runId: "' + run_id + '") { ... on EventConnection { events { '
                                   '__typename ... on MessageEvent { message } '
                                   '... on ExecutionStepFailureEvent { error { message cause { message } } } } } } }')
            messages = [str(e.get("error") or e.get("message")) for e in events["logsForRun"]["events"]]
            pytest.fail("the sensor's run failed:\n" + "\n".join(messages[-15:]))
        assert [r["status"] for r in by_sensor] == ["SUCCESS"]
        docs = duckdb.sql(f"SELECT source FROM read_parquet('{wh}/documents/*.parquet', union_by_name = true) "
                          "WHERE text LIKE '%Zanzibar clove%'").fetchall()
        assert len(docs) == 1 and docs[0][0].endswith("late.txt")
        ticks = graphql(port, '{ sensorOrError(sensorSelector: {repositoryName: "__repository__", '
                              'repositoryLocationName: "textwarehouse", sensorName: "raw_files_sensor"}) '
                              '{ ... on Sensor { sensorState { status ticks(limit: 50) { status } } } } }')
        state = ticks["sensorOrError"]["sensorState"]
        assert state["status"] == "RUNNING"
        assert "SUCCESS" in {t["status"] for t in state["ticks"]}  # the tick that requested the run
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)

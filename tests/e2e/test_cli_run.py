"""The real command, the real Dagster instance, real Parquet and DuckDB, in temporary folders."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEED

pytestmark = pytest.mark.e2e


def run_cli(*args, env_extra=None, check=True):
    env = dict(os.environ, **(env_extra or {}))
    proc = subprocess.run([sys.executable, "-m", "pipelines.cli", *args], capture_output=True, text=True, env=env, timeout=600)
    if check:
        assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def query(wh: Path, sql: str, params=None):
    with duckdb.connect(str(wh / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def test_run_is_incremental_and_idempotent(folders, dagster_home):
    raw, wh = folders
    shutil.copy(SEED, raw / "seed-article.txt")
    first = run_cli("run")
    assert "raw_documents" in first.stdout and "Example query" in first.stdout
    assert "ingest:" in first.stderr  # progress lines

    assert query(wh, "SELECT count(*) FROM documents") == [(1,)]
    for table in ("sentences", "paragraphs"):
        bad = query(wh, f"""SELECT count(*) FROM {table} s JOIN documents d USING (doc_id)
                            WHERE substring(d.text, s.start + 1, s."end" - s.start) <> s.text""")
        assert bad == [(0,)], table
        assert query(wh, f"SELECT count(*) FROM {table}")[0][0] > 0

    before = snapshot(wh)
    second = run_cli("run")
    assert "Nothing new" in second.stdout
    assert snapshot(wh) == before, "a run with nothing new must change no file"

    # the same bytes under another name add nothing; a new file adds only itself
    shutil.copy(SEED, raw / "copy-of-seed.txt")
    (raw / "sub").mkdir()
    (raw / "sub" / "brief.md").write_text("# Brief\n\nOil prices rose 2 pct on Monday to 18.50 dlrs a barrel from 18.14 dlrs. "
                                          "Traders said supply was tight.\n")
    third = run_cli("run")
    # a money rate: the currency in unit, the basis in per (the schema's new column, in the view too)
    assert query(wh, """SELECT value, unit, per, role FROM figures JOIN documents USING (doc_id)
                        WHERE source LIKE '%brief.md' ORDER BY start""") == [
        (2.0, "%", None, "value"), (18.5, "USD", "bbl", "to"), (18.14, "USD", "bbl", "from")]
    assert query(wh, "SELECT count(*) FROM documents") == [(2,)]
    assert query(wh, "SELECT count(DISTINCT batch_id) FROM documents") == [(2,)]
    statuses = dict(query(wh, "SELECT path, status FROM files"))
    assert statuses == {"seed-article.txt": "ingested", "copy-of-seed.txt": "duplicate", "sub/brief.md": "ingested"}
    assert "Done: 1 batch" in third.stdout

    # `textwarehouse sql`: a query's rows; a wrong one is DuckDB's message in one place, not a traceback
    assert "2" in run_cli("sql", "SELECT count(*) AS n FROM documents").stdout
    wrong = run_cli("sql", "SELECT no_such_column FROM documents", check=False)
    assert wrong.returncode == 1
    assert wrong.stderr.startswith("textwarehouse sql: Binder Error") and "no_such_column" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_a_missing_raw_folder_is_created_and_said(tmp_path, dagster_home):
    """The contract: a missing raw folder is created and a run with nothing new says so and exits 0;
    the line says the folder was created, so that a mistyped --raw shows."""
    missing = run_cli("run", "--raw", str(tmp_path / "typo"), "--warehouse", str(tmp_path / "wh"))
    assert "Nothing new" in missing.stdout and "did not exist: created it" in missing.stdout
    assert (tmp_path / "typo").is_dir()
    assert "did not exist" not in run_cli("run", "--raw", str(tmp_path / "typo"), "--warehouse", str(tmp_path / "wh")).stdout


def test_warm_workers_build_the_same_warehouse(folders, dagster_home, tmp_path):
    """The command line starts the workers' fork server before Dagster for a big enough input, and
    new workers and a new warehouse process for each batch; the tables are the same as from one
    process."""
    raw, wh = folders
    shutil.copy(SEED, raw / "seed-article.txt")
    (raw / "brief.md").write_text("# Brief\n\nOil prices rose 2 pct on Monday in London. Traders said supply was tight.\n")
    cold_wh = tmp_path / "cold"
    one_file_a_batch = {"TEXTWAREHOUSE_BATCH_FILES": "1"}
    warm = run_cli("run", env_extra={"TEXTWAREHOUSE_PROCESSES": "2", "TEXTWAREHOUSE_WARM_BYTES": "1", **one_file_a_batch})
    assert "2 worker processes, forked from a server loading the model meanwhile" in warm.stderr
    # each batch in new workers (forked from the server) and a new warehouse process, which did the SQL
    lines = re.findall(r"batch \d/2 done .*workers [\d,]+ \+ [\d,]+ MiB, warehouse [\d,]+ MiB, fork server [\d,]+ MiB", warm.stderr)
    assert len(lines) == 2, warm.stderr
    assert re.search(r"batch 1/2 done .*; about \d+ (s|min) left for the other 1 batch\(es\)", warm.stderr), warm.stderr
    cold = run_cli("run", "--warehouse", str(cold_wh), env_extra={"TEXTWAREHOUSE_PROCESSES": "1", **one_file_a_batch})
    assert "loading the model" not in cold.stderr
    for sql in ("SELECT doc_id, sentence_id, start, text FROM sentences ORDER BY ALL",
                "SELECT doc_id, start, \"end\", label, entity_id FROM mentions ORDER BY ALL",
                "SELECT doc_id, start, kind, value, unit, subject FROM figures ORDER BY ALL",
                "SELECT doc_id, start, value FROM dates ORDER BY ALL",
                "SELECT term, doc_id, sentence_id, tf FROM postings ORDER BY ALL",
                "SELECT * FROM sentence_lengths ORDER BY ALL",
                "SELECT * FROM entities ORDER BY ALL",
                "SELECT doc_id, duplicate_of FROM documents ORDER BY ALL"):
        assert query(wh, sql) == query(cold_wh, sql), sql
    assert ("Xi Jinping",) in query(wh, "SELECT name FROM entities")


def test_formats_and_rejections(folders, dagster_home):
    raw, wh = folders
    lines = [
        json.dumps({"id": "a1", "text": "Exports rose 4.5 pct in March.", "published_at": "2026-04-15T10:00:00Z"}),
        "{broken json",
        json.dumps({"text": "A second story about wheat.", "title": "Wheat"}),
        json.dumps({"id": "h1", "html": "<html><body><article><p>An article in HTML with enough words to be kept by the extractor, "
                                        "which needs a paragraph of some length before it believes it.</p></article></body></html>"}),
        # late evening in Houston: 8 March in UTC, 7 March where it was written
        json.dumps({"id": "y1", "text": "Oil rose 2 pct yesterday, traders said.", "published_at": "2026-03-07T23:30:00-05:00"}),
    ]
    (raw / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (raw / "empty.txt").write_bytes(b"")
    (raw / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (raw / "notes.csv").write_text("a,b\n")
    (raw / "cp1252.txt").write_bytes("Prices “rose” to €5 — a café.".encode("cp1252"))
    (raw / "bundesbank.txt").write_text("Die Bundesbank erwartet für das laufende Jahr ein Wachstum von 0,5 Prozent, wie "
                                        "ihr Präsident Joachim Nagel am Freitag in Frankfurt sagte.")
    run_cli("run")
    # the language of each body; English extraction skips prose in another language, which stays searchable
    assert dict(query(wh, "SELECT source, language FROM documents WHERE source IN ('bundesbank.txt', 'feed.jsonl#h1')")) \
        == {"bundesbank.txt": "de", "feed.jsonl#h1": "en"}
    for table in ("mentions", "figures", "dates"):
        assert query(wh, f"SELECT count(*) FROM {table} JOIN documents USING (doc_id) WHERE source = 'bundesbank.txt'") == [(0,)]
    assert query(wh, "SELECT count(*) FROM search('Bundesbank Wachstum')") == [(1,)]
    assert query(wh, "SELECT count(*) FROM figures JOIN documents USING (doc_id) WHERE source = 'feed.jsonl#a1'") == [(1,)]
    sources = {s for (s,) in query(wh, "SELECT source FROM documents")}
    assert {"feed.jsonl#a1", "feed.jsonl#3", "feed.jsonl#h1", "cp1252.txt"} <= sources
    assert query(wh, "SELECT text FROM documents WHERE source = 'cp1252.txt'") == [("Prices “rose” to €5 — a café.",)]
    rejected = dict(query(wh, "SELECT source, reason FROM rejected"))
    assert rejected == {"feed.jsonl#2": "broken_json", "empty.txt": "empty", "image.txt": "binary", "notes.csv": "unsupported_format"}
    assert query(wh, "SELECT published_at::VARCHAR FROM documents WHERE source = 'feed.jsonl#a1'") == [("2026-04-15 10:00:00+00",)]
    assert query(wh, "SELECT published_at::VARCHAR, published_date::VARCHAR, t.value FROM documents "
                     "JOIN dates t USING (doc_id) WHERE source = 'feed.jsonl#y1'") == [("2026-03-08 04:30:00+00", "2026-03-07", "2026-03-06")]

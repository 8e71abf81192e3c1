"""Search through the real pipeline and the real CLI: the seed, then a second run."""

import shutil

import pytest

from tests.conftest import SEED
from tests.e2e.test_cli_run import query, run_cli

pytestmark = pytest.mark.e2e


def test_seed_search_and_incremental_searchability(folders, dagster_home):
    raw, wh = folders
    shutil.copy(SEED, raw / "seed-article.txt")
    run_cli("run")
    top = query(wh, "SELECT text FROM search('soybean imports') LIMIT 1")[0][0]
    assert "soybean imports" in top
    assert any("$11 billion" in t for (t,) in query(wh, "SELECT text FROM search('11 billion')"))
    for chrome in ("Lockpicking", "Clemencia", "6508", "Puzzles"):
        assert query(wh, "SELECT count(*) FROM search(?)", [chrome]) == [(0,)], chrome
    assert query(wh, "SELECT count(*) FROM search_entity('Xi')")[0][0] >= 4
    assert {s for (s,) in query(wh, "SELECT subject FROM search_figures('soybean')")} == {"soybean imports"}

    out = run_cli("search", "soybean imports", "--limit", "3").stdout
    assert out.splitlines()[0].lstrip().startswith("1.") and "US-China Relations" in out and "**soybean**" in out
    # a matching word is bolded without the punctuation the tokenizer splits at
    assert "$**11** **billion**," in run_cli("search", "11 billion", "--limit", "1").stdout
    for bad in ("0", "-1", "ten"):  # argparse's usage error, before any search
        refused = run_cli("search", "soybean", "--limit", bad, check=False)
        assert refused.returncode == 2 and "not a whole number of 1 or more" in refused.stderr
    hostile = run_cli("search", "'); DROP VIEW documents; --")
    assert hostile.returncode == 0
    assert query(wh, "SELECT count(*) FROM documents") == [(1,)]

    (raw / "wheat.txt").write_text("Wheat exports from Kansas rose to a record in March, traders said.\n")
    run_cli("run")
    assert query(wh, "SELECT count(*) FROM search('wheat exports')")[0][0] >= 1
    assert "**Wheat** exports" in run_cli("search", "wheat").stdout

    # the warehouse file held by a writer (a run redefining the views, a shell): one line, no traceback
    import duckdb

    with duckdb.connect(str(wh / "warehouse.duckdb")):
        for args in (("search", "wheat"), ("sql", "SELECT 1")):
            held = run_cli(*args, check=False)
            assert held.returncode == 1 and held.stderr.startswith(f"textwarehouse {args[0]}: ") and "Traceback" not in held.stderr

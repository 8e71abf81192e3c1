"""Entities through the real pipeline and the real spaCy model."""

import shutil

import pytest

from tests.conftest import SEED
from tests.e2e.test_cli_run import query, run_cli

pytestmark = pytest.mark.e2e

SEED_ENTITIES = {
    ("Xi Jinping", "PERSON"), ("Trump", "PERSON"), ("Vladimir Putin", "PERSON"), ("China", "GPE"), ("Taiwan", "GPE"),
    ("Beijing", "GPE"), ("Taipei", "GPE"), ("Russia", "GPE"), ("Ukraine", "GPE"), ("Iran", "GPE"),
    ("United States", "GPE"), ("Truth Social", "ORG"), ("Taiwan Strait", "LOC"),
}


def test_seed_entities_stable_ids_and_incremental_counts(folders, dagster_home, tmp_path):
    raw, wh = folders
    shutil.copy(SEED, raw / "seed-article.txt")
    run_cli("run")
    found = set(query(wh, "SELECT name, label FROM entities"))
    assert SEED_ENTITIES <= found
    assert query(wh, "SELECT count(*) FROM entities WHERE name = 'Trump'") == [(1,)]
    assert "Xi" in query(wh, "SELECT aliases FROM entities WHERE name = 'Xi Jinping'")[0][0]
    assert query(wh, "SELECT country_code FROM entities WHERE name = 'United States'") == [("US",)]
    lat, lon = query(wh, "SELECT latitude, longitude FROM entities WHERE name = 'Beijing'")[0]
    assert abs(lat - 39.9) < 0.2 and abs(lon - 116.4) < 0.2
    for chrome in ("Clemencia Bogisich Ret", "Puzzles", "Top Articles"):
        assert query(wh, "SELECT count(*) FROM mentions WHERE contains(text, ?)", [chrome]) == [(0,)]
    # offsets slice the text; no number or date among the mentions
    assert query(wh, """SELECT count(*) FROM mentions m JOIN documents d USING (doc_id)
                        WHERE substring(d.text, m.start + 1, m."end" - m.start) <> m.text""") == [(0,)]
    assert query(wh, "SELECT count(*) FROM mentions WHERE label NOT IN ('PERSON','ORG','GPE','LOC','NORP','FAC',"
                     "'EVENT','PRODUCT','WORK_OF_ART','LAW','LANGUAGE')") == [(0,)]
    pairs = query(wh, "SELECT n_sentences FROM entity_pairs WHERE list_sort([name_a, name_b]) = ['Trump', 'Xi Jinping']")
    assert pairs and pairs[0][0] >= 3
    ids = dict(query(wh, "SELECT name, entity_id FROM entities"))

    # an incremental run updates the counts
    (raw / "putin.txt").write_text(
        "Russian President Vladimir Putin met officials in Moscow on Friday. Putin said Russia and China "
        "would expand trade, and that talks with the United States over Ukraine had stalled.\n")
    run_cli("run")
    assert query(wh, "SELECT n_mentions, n_documents FROM entities WHERE name = 'Vladimir Putin'") == [(3, 2)]
    assert query(wh, "SELECT n_documents FROM entities WHERE name = 'United States'") == [(2,)]
    assert query(wh, "SELECT sum(n_mentions) FROM entities") == query(wh, "SELECT count(*) FROM mentions")

    # a fresh build elsewhere gives the same ids
    other = tmp_path / "other"
    run_cli("run", "--warehouse", str(other))
    again = dict(query(other, "SELECT name, entity_id FROM entities"))
    assert {n: again[n] for n in ids} == ids

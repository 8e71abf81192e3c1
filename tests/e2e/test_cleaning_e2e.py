"""Cleaning through the real pipeline: the seed, a re-scraped copy, an HTML page, and personal data."""

import shutil

import pytest

from tests.conftest import SEED
from tests.e2e.test_cli_run import query, run_cli

pytestmark = pytest.mark.e2e

HTML = """<!doctype html><html><head><title>Port strike ends | Example Times</title>
<meta name="author" content="Maria Lopez"><meta property="article:published_time" content="2026-03-02T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/markets">Markets</a></nav>
<article><h1>Port strike ends after nine days</h1>
<p>Dock workers at the country's largest port voted on Sunday to end a nine-day strike that had left
hundreds of container ships waiting offshore, the union said in a statement.</p>
<p>The agreement raises wages by 12 percent over three years and limits the use of automated cranes,
according to a copy of the deal seen by reporters. Shipping lines said it would take weeks to clear the backlog.</p>
<p>Contact the newsroom at newsroom@example-times.com or +44 20 7946 0958.</p>
</article><footer>Subscribe to our newsletter. © 2026 Example Times. All rights reserved.</footer></body></html>"""


def test_seed_html_and_a_near_duplicate(folders, dagster_home):
    raw, wh = folders
    shutil.copy(SEED, raw / "seed-article.txt")
    (raw / "port.html").write_text(HTML)
    run_cli("run")
    # the same story re-scraped later with another view count and rating
    seed = SEED.read_text(encoding="utf-8")
    (raw / "seed-rescraped.txt").write_text(seed.replace("Views: 6508", "Views: 7711").replace("(60 voted)", "(61 voted)"))
    run_cli("run")

    docs = dict(query(wh, "SELECT source, doc_id FROM documents"))
    assert set(docs) == {"seed-article.txt", "port.html", "seed-rescraped.txt"}
    assert query(wh, "SELECT duplicate_of FROM documents WHERE source = 'seed-rescraped.txt'") == [(docs["seed-article.txt"],)]
    assert query(wh, "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL") == [(1,)]

    seed_row = query(wh, """SELECT title, author, n_sentences, (SELECT count(*) FROM paragraphs p WHERE p.doc_id = d.doc_id),
                                   starts_with(text, 'Tensions surrounding arms supplies'),
                                   ends_with(text, 'the ongoing discussions about Taiwan.')
                            FROM documents d WHERE source = 'seed-article.txt'""")
    assert seed_row == [("US-China Relations: Xi Jinping's Message to Trump on Taiwan Arms Sales (2026)",
                         "Clemencia Bogisich Ret", 15, 7, True, True)]
    assert query(wh, "SELECT count(*) FROM sentences WHERE contains(text, 'from the U.S. — potentially')") == [(2,)]

    port = query(wh, "SELECT title, author, published_at::VARCHAR, text FROM documents WHERE source = 'port.html'")[0]
    assert port[0].startswith("Port strike ends") and port[1] == "Maria Lopez" and port[2].startswith("2026-03-02")
    assert "Dock workers" in port[3] and "Subscribe" not in port[3] and "Markets" not in port[3]
    # each block of the page is a paragraph: the headline is a sentence of its own, not the first one's start
    assert query(wh, """SELECT p.text FROM paragraphs p JOIN documents d USING (doc_id)
                        WHERE d.source = 'port.html' ORDER BY paragraph_id LIMIT 2""") == [
        ("Port strike ends after nine days",),
        ("Dock workers at the country's largest port voted on Sunday to end a nine-day strike that had left hundreds "
         "of container ships waiting offshore, the union said in a statement.",)]

    # personal data is in no table: not in the bodies, the sentences, the removed chrome or the raw text
    for needle in ("+5934435460663", "Geri Spring", "2001-07-17", "newsroom@example-times.com", "7946 0958"):
        for table, column in (("documents", "text"), ("sentences", "text"), ("paragraphs", "text"),
                              ("removed", "text"), ("raw_documents", "raw_text")):
            hits = query(wh, f"SELECT count(*) FROM {table} WHERE contains({column}, ?)", [needle])
            assert hits == [(0,)], (needle, table)
    # chrome never reaches the sentences
    for chrome in ("Lockpicking", "Top Articles", "Views:"):
        assert query(wh, "SELECT count(*) FROM sentences WHERE contains(text, ?)", [chrome]) == [(0,)]


def test_seed_figures_and_dates(folders, dagster_home):
    raw, wh = folders
    shutil.copy(SEED, raw / "seed-article.txt")
    run_cli("run")
    rows = query(wh, """SELECT value, unit, kind, approximate, subject, role, group_id FROM figures f
                        JOIN documents d USING (doc_id) WHERE d.source = 'seed-article.txt' ORDER BY f.start""")
    assert [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows] == [
        (12e6, "t", "quantity", False, "soybean imports", "from"),
        (20e6, "t", "quantity", False, "soybean imports", "to"),
        (11e9, "USD", "money", True, "arms sale", "value"),
    ]
    assert rows[0][6] == rows[1][6] is not None
    assert query(wh, """SELECT count(*) FROM figures f JOIN documents d USING (doc_id)
                        WHERE substring(d.text, f.start + 1, f."end" - f.start) <> f.text""") == [(0,)]
    assert query(wh, "SELECT count(*) FROM figures WHERE value IN (6508, 5, 91, 60)") == [(0,)]
    found = {t for (t,) in query(wh, "SELECT text FROM dates")}
    assert {"April", "November", "December"} <= found
    assert query(wh, "SELECT count(*) FROM dates WHERE value IS NULL") == [(0,)]

"""The search SQL (tokenizer and BM25 macros) on small hand-made corpora, with real DuckDB."""

import math
import sqlite3

import duckdb
import pytest

from pipelines.lib import database
from pipelines.lib.schemas import table_from_rows
from pipelines.lib.storage import Warehouse, write_parquet_atomic


@pytest.fixture
def con():
    with database.tokenizer_connection() as c:
        yield c


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Soybean Imports", ["soybean", "imports"]),
        ("$11 billion", ["11", "billion"]),
        ("4.5 pct in 2026", ["4.5", "pct", "2026"]),
        ("1,500,000 tonnes", ["1500000", "tonnes"]),
        ("Xi Jinping's message", ["xi", "jinping", "message"]),
        ("Xi Jinping’s message", ["xi", "jinping", "message"]),
        ("Zürich café", ["zurich", "cafe"]),
        ("self-governing island", ["self", "governing", "island"]),
        ("The U.S. and the E.U.", ["u", "s", "e", "u"]),
        ("Москва и Пекин", ["москва", "и", "пекин"]),
        ("'); DROP TABLE documents; --", ["drop", "table", "documents"]),
        ("", []),
    ],
)
def test_tokenizer(con, text, tokens):
    assert con.execute("SELECT tw_tokens(?)", [text]).fetchone()[0] == tokens


SENTENCES = [
    ("d1", 0, "Soybean imports rose to 12 million tonnes."),
    ("d1", 1, "Imports of wheat fell."),
    ("d2", 0, "Soybean prices rose sharply as soybean stocks fell."),
    ("d3", 0, "The arms sale was valued at around $11 billion."),
]


@pytest.fixture
def warehouse(tmp_path):
    wh = Warehouse(tmp_path / "wh")
    wh.init()
    rows = [dict(doc_id=d, sentence_id=i, paragraph_id=0, start=0, end=len(t), text=t) for d, i, t in SENTENCES]
    write_parquet_atomic(table_from_rows("sentences", rows), wh.table_dir("sentences") / "b1.parquet")
    docs = [dict(doc_id=d, source=d, title=f"title {d}") for d in ("d1", "d2", "d3")]
    write_parquet_atomic(table_from_rows("documents", docs), wh.table_dir("documents") / "b1.parquet")
    postings, lengths = database.search_index(wh.table_dir("sentences") / "b1.parquet")
    write_parquet_atomic(postings, wh.table_dir("postings") / "b1.parquet")
    write_parquet_atomic(lengths, wh.table_dir("sentence_lengths") / "b1.parquet")
    database.install(wh.root)
    return wh


def test_bm25_matches_a_hand_computed_score(warehouse):
    with database.connect(warehouse.root) as c:
        got = dict(((d, s), score) for d, s, score, _ in c.execute("SELECT * FROM search('soybean')").fetchall())
    lengths = {("d1", 0): 6, ("d1", 1): 3, ("d2", 0): 7, ("d3", 0): 6}  # tokens after stop words
    n, avgdl, df = 4, sum(lengths.values()) / 4, 2
    idf = math.log(1 + (n - df + 0.5) / (df + 0.5))

    def bm25(tf, dl):
        return idf * tf * 2.2 / (tf + 1.2 * (1 - 0.75 + 0.75 * dl / avgdl))

    assert got[("d1", 0)] == pytest.approx(bm25(1, lengths[("d1", 0)]))
    assert got[("d2", 0)] == pytest.approx(bm25(2, lengths[("d2", 0)]))
    assert set(got) == {("d1", 0), ("d2", 0)}


def test_ranking_agrees_with_sqlite_fts5(warehouse):
    lite = sqlite3.connect(":memory:")
    lite.execute("CREATE VIRTUAL TABLE fts USING fts5(doc_id UNINDEXED, sentence_id UNINDEXED, body, "
                 "tokenize = \"unicode61 tokenchars '.'\")")
    with database.connect(warehouse.root) as c:
        for d, i, t in SENTENCES:
            lite.execute("INSERT INTO fts VALUES (?, ?, ?)", (d, i, " ".join(c.execute("SELECT tw_tokens(?)", [t]).fetchone()[0])))
        for query in ("soybean imports", "rose", "wheat fell", "11 billion"):
            ours = [(d, s) for d, s, _, _ in c.execute("SELECT * FROM search(?)", [query]).fetchall()]
            terms = c.execute("SELECT tw_tokens(?)", [query]).fetchone()[0]
            match = " OR ".join(f'"{t}"' for t in terms)
            theirs = [(d, int(s)) for d, s in lite.execute(
                "SELECT doc_id, sentence_id FROM fts WHERE fts MATCH ? ORDER BY bm25(fts)", [match]).fetchall()]
            assert ours == theirs, query


def test_search_all_documents_and_hostile_queries(warehouse):
    with database.connect(warehouse.root) as c:
        assert [r[:2] for r in c.execute("SELECT * FROM search_all('soybean imports')").fetchall()] == [("d1", 0)]
        assert c.execute("SELECT doc_id FROM search_documents('soybean') LIMIT 1").fetchone() == ("d2",)
        assert c.execute("SELECT count(*) FROM search('11 billion')").fetchone() == (1,)
        for hostile in ("'); DROP TABLE documents; --", "\"; SELECT 1; \"", "O'Brien's"):
            c.execute("SELECT * FROM search(?)", [hostile]).fetchall()
        assert c.execute("SELECT count(*) FROM documents").fetchone() == (3,)
    with pytest.raises(duckdb.Error):
        database.connect(warehouse.root).execute("DROP VIEW documents")  # read-only: nothing can be dropped

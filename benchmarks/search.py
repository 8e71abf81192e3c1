"""Search measured beside SQLite FTS5 over the same sentences, in one run.

    .venv/bin/python benchmarks/search.py [--docs N]

Sentences: every Reuters-21578 body, cleaned and segmented as the pipeline does. Prints index build
time and size for both, p50/p95 latency over fixed one- to three-word queries (DuckDB from the
warehouse's Parquet views as `make sql` sees them, and from tables loaded in memory; FTS5 with
bm25()), and the average top-10 agreement with FTS5. FTS5 gets the text already tokenized by our
tokenizer, so both rank the same terms: differences come from the scoring alone. Every query returns
the ten best sentences with their text, as `select * from search(...) limit 10` does (FTS5 keeps the
original text in an unindexed column, counted in its size; ours is the sentences table, not counted).
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from pipelines.lib import database
from pipelines.lib.documents import clean_document
from pipelines.lib.schemas import SCHEMAS, table_from_rows
from pipelines.lib.storage import Warehouse

SHARED = Path(__file__).resolve().parents[2] / "shared"
QUERIES = [
    "oil prices", "crude oil", "opec", "wheat exports", "soybean imports", "coffee", "cocoa", "sugar quota",
    "interest rates", "federal reserve", "bank of japan", "bundesbank", "dollar yen", "trade deficit",
    "trade surplus", "gold price", "copper", "tin council", "rubber", "grain shipments", "corn", "cotton",
    "net profit", "quarterly dividend", "stock split", "takeover bid", "merger agreement", "tender offer",
    "debt rescheduling", "brazil debt", "mexico loans", "imf", "world bank", "gatt", "tariffs",
    "japan trade", "semiconductors", "reagan", "baker", "volcker", "money supply", "inflation",
    "unemployment", "gross national product", "budget deficit", "treasury bonds", "eurobond issue",
    "natural gas", "refinery", "strike", "shipping", "airline", "computer", "11 billion", "4.5 pct",
    "1987 earnings", "west germany", "saudi arabia production",
]


def load_sentences(limit: int) -> list[dict]:
    rows = []
    with gzip.open(SHARED / "corpora" / "reuters21578.jsonl.gz", "rt") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            d = json.loads(line)
            if not d.get("body"):
                continue
            _, _, _, sentences = clean_document(dict(doc_id=d["id"], source=d["id"], format="text", raw_text=d["body"]))
            rows.extend(sentences)  # segmented once, where the body is cleaned, as the pipeline does
    return rows


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def timed(fn, queries, repeat=3):
    lat = []
    for _ in range(repeat):
        for q in queries:
            start = time.perf_counter()
            fn(q)
            lat.append((time.perf_counter() - start) * 1000)
    return percentile(lat, 50), percentile(lat, 95)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--batches", type=int, default=15, help="runs the sentences arrive in (default 15: compaction "
                    "merges the first 13 files, as in a warehouse after 15 runs)")
    ap.add_argument("--keep", help="keep the benchmark warehouse in this folder")
    args = ap.parse_args()
    sentences = load_sentences(args.docs)
    print(f"{len(sentences):,} sentences from Reuters-21578; {len(QUERIES)} queries")
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        wh = Warehouse(work / "wh")
        wh.init()
        # The warehouse as the pipeline leaves it: one file per run, compacted once there are more
        # than COMPACT_FROM_FILES (the index of each run built from that run's sentences alone).
        docs = sorted({s["doc_id"] for s in sentences})
        per = -(-len(docs) // args.batches)
        ours_build = compaction = 0.0
        for b in range(args.batches):
            batch, keep = f"b{b:03d}", set(docs[b * per:(b + 1) * per])
            wh.stage(batch, "sentences", table_from_rows("sentences", [s for s in sentences if s["doc_id"] in keep]))
            wh.stage(batch, "documents", table_from_rows("documents", [dict(doc_id=d, source=d, title=d) for d in sorted(keep)]))
            start = time.perf_counter()
            postings, lengths = database.search_index(wh.batch_file(batch, "sentences"))
            wh.stage(batch, "postings", postings.cast(SCHEMAS["postings"]))
            wh.stage(batch, "sentence_lengths", lengths.cast(SCHEMAS["sentence_lengths"]))
            ours_build += time.perf_counter() - start
            wh.commit(batch)
            for table in ("sentences", "documents"):
                wh.compact(table)
            start = time.perf_counter()
            for table in ("postings", "sentence_lengths"):
                wh.compact(table)
            compaction += time.perf_counter() - start
        params = {"sentences": str(wh.table_dir("sentences") / "*.parquet")}
        with database.tokenizer_connection() as con:  # FTS5's input, not part of our build
            tokenized = con.execute("SELECT doc_id, sentence_id, text, array_to_string(tw_tokens(text), ' ') "
                                    "FROM read_parquet($sentences) ORDER BY doc_id, sentence_id", params).fetchall()
        ours_size = sum(p.stat().st_size for t in ("postings", "sentence_lengths") for p in wh.table_dir(t).glob("*.parquet"))
        database.install(wh.root, force=True)

        start = time.perf_counter()
        fts_path = work / "fts.sqlite"
        lite = sqlite3.connect(fts_path)
        lite.execute("CREATE VIRTUAL TABLE fts USING fts5(doc_id UNINDEXED, sentence_id UNINDEXED, text UNINDEXED, body, "
                     "tokenize = \"unicode61 tokenchars '.'\")")
        lite.executemany("INSERT INTO fts VALUES (?, ?, ?, ?)", tokenized)
        lite.commit()
        fts_build = time.perf_counter() - start
        fts_size = fts_path.stat().st_size
        print(f"{args.batches} runs; Parquet files now: " + ", ".join(
            f"{t} {len(wh.committed_files(t))}" for t in ("sentences", "postings", "sentence_lengths")))
        ours_build += compaction
        print(f"index build: textwarehouse {ours_build:.1f} s of which compaction {compaction:.1f} s "
              f"({ours_size / 2**20:.1f} MiB Parquet), "
              f"FTS5 {fts_build:.1f} s ({fts_size / 2**20:.1f} MiB); build ratio {ours_build / fts_build:.2f}x")

        shell = duckdb.connect(str(wh.duckdb_path), read_only=True)
        mem = duckdb.connect()
        for t in SCHEMAS:  # every table, loaded: the macros refer to several
            mem.execute(f"CREATE TABLE {t} AS SELECT * FROM read_parquet(?, union_by_name = true)",
                        [str(wh.table_dir(t) / "*.parquet")])
        database.execute_in_order(mem, database.macro_statements())

        def duck(con):
            return lambda q: con.execute("SELECT doc_id, sentence_id, text FROM search($q) LIMIT 10", {"q": q}).fetchall()

        def fts(q):
            terms = shell.execute("SELECT tw_tokens($q)", {"q": q}).fetchone()[0]
            if not terms:
                return []
            match = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
            return lite.execute("SELECT doc_id, sentence_id, text FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 10",
                                [match]).fetchall()

        agreement = []
        for q in QUERIES:
            a = {tuple(r[:2]) for r in duck(mem)(q)}
            b = {tuple(r[:2]) for r in fts(q)}
            if a or b:
                agreement.append(len(a & b) / max(len(a), len(b)))
        print(f"top-10 agreement with FTS5 bm25(): {statistics.mean(agreement):.3f} over {len(agreement)} queries")
        print(f"{'engine':<40}{'p50 ms':>8}{'p95 ms':>8}")
        for name, fn in (("DuckDB search() on Parquet views (shell)", duck(shell)),
                         ("DuckDB search() on loaded tables", duck(mem)),
                         ("SQLite FTS5 bm25()", fts)):
            p50, p95 = timed(fn, QUERIES)
            print(f"{name:<40}{p50:>8.1f}{p95:>8.1f}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

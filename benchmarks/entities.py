"""Entity extraction speed against bare nlp.pipe, and a sample of mentions to judge by eye.

    .venv/bin/python benchmarks/entities.py [--docs N] [--processes P] [--sample K] [--corpus reuters21578]

Both runs use the same loaded model with the same components (ner only) and the same texts (the
clean bodies). Prints words/s of each, the ratio, and writes a random sample of mentions with their
sentence to benchmarks/out/mention_sample.tsv for judging.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import time
from collections import Counter
from pathlib import Path

from pipelines.lib import entities
from pipelines.lib.documents import build_document
from pipelines.lib.segmenting import segment

SHARED = Path(__file__).resolve().parents[2] / "shared"
OUT = Path(__file__).resolve().parent / "out"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--corpus", default="reuters21578")
    args = parser.parse_args()
    texts = []
    with gzip.open(SHARED / "corpora" / f"{args.corpus}.jsonl.gz", "rt") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("body"):
                raw = dict(doc_id=d["id"], source=d["id"], format="text", raw_text=d["body"])
                texts.append((d["id"], build_document(raw)[0]["text"]))
            if len(texts) >= args.docs:
                break
    words = sum(len(re.findall(r"\w+", t)) for _, t in texts)
    nlp = entities.load_nlp()
    print(f"{len(texts):,} {args.corpus} bodies, {words:,} words; components {nlp.pipe_names}; {args.processes} process(es)")

    start = time.perf_counter()
    n_ents = sum(len(doc.ents) for doc in nlp.pipe((t for _, t in texts), batch_size=64, n_process=args.processes))
    bare = time.perf_counter() - start

    start = time.perf_counter()
    rows = []
    pairs = ((t, (i, t)) for i, t in texts)
    for doc, (doc_id, text) in nlp.pipe(pairs, as_tuples=True, batch_size=64, n_process=args.processes):
        starts = [s.start for _, s in segment(text)[1]] or [0]
        rows.extend(dict(r, _text=text) for r in entities.mention_rows(doc_id, text, entities.mentions_of(doc, text), starts))
    ours = time.perf_counter() - start
    print(f"bare nlp.pipe:         {words / bare:>9,.0f} words/s  ({n_ents:,} spaCy entities)")
    print(f"textwarehouse mentions:{words / ours:>9,.0f} words/s  ({len(rows):,} mentions after trimming, rules, resolution)")
    print(f"ratio: {bare / ours:.2f} of bare speed; resolution and rules cost {100 * (ours - bare) / bare:.1f}% on top")
    labels = Counter(r["label"] for r in rows)
    print("mentions per label:", dict(labels.most_common()))

    OUT.mkdir(exist_ok=True)
    rng = random.Random(13)
    sample = rng.sample(rows, min(args.sample, len(rows)))
    with open(OUT / "mention_sample.tsv", "w") as fh:
        fh.write("doc_id\tlabel\tmention\tentity\tcontext\n")
        for r in sorted(sample, key=lambda r: r["label"]):
            ctx = r["_text"][max(0, r["start"] - 60): r["end"] + 60].replace("\n", " ").replace("\t", " ")
            fh.write(f"{r['doc_id']}\t{r['label']}\t{r['text']}\t{r['entity_name']}\t{ctx}\n")
    print(f"sample of {len(sample)} mentions written to {OUT / 'mention_sample.tsv'}")


if __name__ == "__main__":
    main()

"""Near-duplicate pairs in the news corpora, by estimated Jaccard of 5-word shingles.

    .venv/bin/python benchmarks/near_duplicates.py [--corpus reuters21578|bbc-news] [--docs N] [--sample K]

Prints how many pairs pass each threshold, and K random pairs per similarity band to judge by eye.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from pipelines.lib import duplicates
from pipelines.lib.normalize import clean_body

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default="reuters21578")
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=5)
    args = parser.parse_args()
    docs = []
    with gzip.open(SHARED / "corpora" / f"{args.corpus}.jsonl.gz", "rt") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("body") and len(d["body"].split()) >= 20:
                docs.append((d["id"], clean_body(d["body"])))
            if len(docs) >= args.docs:
                break
    start = time.perf_counter()
    sigs = [duplicates.signature(t) for _, t in docs]
    took = time.perf_counter() - start
    lsh = MinHashLSH(threshold=0.5, num_perm=duplicates.NUM_PERM)
    for i, s in enumerate(sigs):
        lsh.insert(i, MinHash(num_perm=duplicates.NUM_PERM, seed=1, hashvalues=s, scheme="affine32"))
    pairs = {}
    for i, s in enumerate(sigs):
        for j in lsh.query(MinHash(num_perm=duplicates.NUM_PERM, seed=1, hashvalues=s, scheme="affine32")):
            if j > i:
                pairs[(i, j)] = duplicates.jaccard(s, sigs[j])
    print(f"{args.corpus}: {len(docs):,} documents of 20+ words; signatures at {len(docs) / took:,.0f} docs/s")
    start = time.perf_counter()
    found = duplicates.assign_duplicates(duplicates.stack([]), [(str(i), s) for i, s in enumerate(sigs)])
    ours = time.perf_counter() - start
    start = time.perf_counter()
    peer = MinHashLSH(threshold=duplicates.THRESHOLD, num_perm=duplicates.NUM_PERM)
    for i, s in enumerate(sigs):
        m = MinHash(num_perm=duplicates.NUM_PERM, seed=1, hashvalues=s, scheme="affine32")
        peer.query(m)
        peer.insert(i, m)
    print(f"assigning duplicates: our banded LSH {ours:.2f} s ({len(found)} found), datasketch MinHashLSH "
          f"query+insert {time.perf_counter() - start:.2f} s")
    for t in (0.5, 0.6, 0.7, 0.8, 0.9, 1.0):
        print(f"  pairs with estimated Jaccard >= {t:.1f}: {sum(v >= t for v in pairs.values()):,}")
    rng = random.Random(7)
    for low, high in ((0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)):
        band = [p for p, v in pairs.items() if low <= v < high]
        for i, j in rng.sample(band, min(args.sample, len(band))):
            print(f"\n[{pairs[(i, j)]:.2f}] {docs[i][0]} vs {docs[j][0]}\n  A: {docs[i][1][:300]!r}\n  B: {docs[j][1][:300]!r}")


if __name__ == "__main__":
    main()

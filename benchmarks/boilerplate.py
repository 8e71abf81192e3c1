"""Cleaning measured on ../shared/dev/boilerplate-en (187 English pages, strings to keep and to drop).

    .venv/bin/python benchmarks/boilerplate.py [--show N]

Prints, for each way of cleaning, the share of must-keep strings kept and of must-drop strings
dropped (compared after collapsing whitespace, as trafilatura's evaluation does):
- keep everything (the flattened text as is): the floor;
- trafilatura on the HTML: the baseline;
- textwarehouse on the HTML (the pipeline's HTML path);
- textwarehouse on the flattened plain text (the plain-text cleaner).

Then the plain-text cleaner on every Reuters-21578 body (../shared/corpora): those bodies are all
article but for the "Reuter" sign-off, so every other character dropped is a false drop. Prints the
share of characters dropped besides the sign-off, by reason, and how many bodies came out empty.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import time
from pathlib import Path

import trafilatura

from pipelines.lib.cleaning import extract
from pipelines.lib.normalize import clean_body

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "dev" / "boilerplate-en"
_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    return _WS.sub(" ", text or "").strip()


def score(cases, outputs):
    kept = total_keep = dropped = total_drop = 0
    for case, out in zip(cases, outputs, strict=True):
        out = squash(out)
        kept += sum(squash(s) in out for s in case["must_contain"])
        dropped += sum(squash(s) not in out for s in case["must_not_contain"])
        total_keep += len(case["must_contain"])
        total_drop += len(case["must_not_contain"])
    return kept / total_keep, dropped / total_drop


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0, help="print the plain-text misses of N pages")
    args = parser.parse_args()
    cases = [json.loads(line) for line in (DATA / "cases.jsonl").open()]
    html = [gzip.open(DATA / c["html"], "rt", encoding="utf-8", errors="replace").read() for c in cases]
    text = [(DATA / c["text"]).read_text(encoding="utf-8") for c in cases]
    runs = {
        "keep everything (flattened text)": lambda i: text[i],
        "trafilatura 2.3.1 on HTML (baseline)": lambda i: trafilatura.extract(html[i]) or "",
        "textwarehouse on HTML": lambda i: clean_body(extract(html[i], fmt="html").body),
        "textwarehouse on plain text": lambda i: clean_body(extract(text[i], fmt="text").body),
    }
    print(f"{len(cases)} pages, {sum(len(c['must_contain']) for c in cases)} strings to keep, "
          f"{sum(len(c['must_not_contain']) for c in cases)} to drop")
    print(f"{'cleaner':<40}{'kept':>8}{'dropped':>9}{'pages/s':>9}")
    for name, fn in runs.items():
        start = time.perf_counter()
        outputs = [fn(i) for i in range(len(cases))]
        rate = len(cases) / (time.perf_counter() - start)
        kept, dropped = score(cases, outputs)
        print(f"{name:<40}{kept:>8.1%}{dropped:>9.1%}{rate:>9.0f}")
    newswire()
    if args.show:
        shown = 0
        for i, c in enumerate(cases):
            out = squash(clean_body(extract(text[i], fmt="text").body))
            lost = [s for s in c["must_contain"] if squash(s) not in out]
            left = [s for s in c["must_not_contain"] if squash(s) in out]
            if lost or left:
                print(f"\n== {c['id']} {c['url']}\n  lost: {lost}\n  left: {left}")
                shown += 1
                if shown >= args.show:
                    break


def newswire() -> None:
    """False drops on text that is all article: Reuters bodies, whose only chrome is the sign-off."""
    total = empty = n = 0
    dropped: collections.Counter = collections.Counter()
    start = time.perf_counter()
    with gzip.open(SHARED / "corpora" / "reuters21578.jsonl.gz", "rt") as fh:
        for line in fh:
            body = json.loads(line).get("body")
            if not body:
                continue
            out = extract(body, fmt="text")
            n += 1
            total += len(body.strip())
            empty += not out.body
            for r in out.removed:
                dropped[r["reason"]] += len(r["text"])
    false = sum(v for k, v in dropped.items() if k != "sign_off")
    print(f"\nReuters-21578, {n:,} bodies ({n / (time.perf_counter() - start):,.0f} bodies/s): "
          f"{false / total:.1%} of characters dropped besides the sign-off, {empty:,} bodies emptied")
    print("  dropped, by reason (characters): " + ", ".join(f"{k} {v:,}" for k, v in dropped.most_common()))


if __name__ == "__main__":
    main()

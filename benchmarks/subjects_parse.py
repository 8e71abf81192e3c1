"""Figure subjects from a dependency parse, beside the word patterns the pipeline uses, in one run.

    .venv/bin/python benchmarks/subjects_parse.py

Issue 7 asks to parse only the sentences that hold figures if subjects need a parse, or to show
that another way is as good. This takes the pipeline's figures (`figures.ours`) of the hand-labelled
sentences that carry gold subjects, finds each figure's subject in spaCy's parse (en_core_web_sm
with its parser: "12 million tonnes of wheat" -> the object of "of"; a figure modifying a noun ->
that noun, or what follows its "in"/"of"; else the subject of the verb the figure hangs from), and
scores both with `figures.subjects` (right when the predicted subject holds the gold head word).
The parse rules are a first attempt written for this comparison, not tuned on the sets; the word
patterns were tuned on Reuters set 1 and BBC set 1. Then it times the cost: the full pipeline over
only the sentences of 500 Reuters bodies that hold a figure, against `ner` over all of them.
"""

from __future__ import annotations

import gzip
import json
import time

import spacy
from corpora import SHARED
from figures import gold_sets, ours, split_sentences, subjects

from pipelines.lib import entities

NOUN = ("NOUN", "PROPN")


def chunk_text(tok) -> str:
    """The noun with the compounds, adjectives and possessives on its left."""
    left = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "poss")]
    start = min([tok.i] + [t.left_edge.i for t in left])
    return tok.doc[start:tok.i + 1].text


def object_of(tok, words=("of",)):
    """The noun after ``tok``'s preposition among ``words``, if any."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in words:
            obj = next((x for x in c.children if x.dep_ == "pobj" and x.pos_ in NOUN), None)
            if obj is not None:
                return obj
    return None


def parse_subject(doc, s: int, e: int) -> str | None:
    toks = [t for t in doc if t.idx < e and t.idx + len(t) > s]
    if not toks:
        return None
    inside = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in inside or t.head == t), toks[-1])
    for t in toks:  # "12 million tonnes of wheat"
        if (obj := object_of(t)) is not None:
            return chunk_text(obj)
    h = root.head  # "a 57 mln dlr satellite", "a 15 pct drop in operating earnings"
    if root.dep_ in ("nummod", "compound", "amod", "quantmod", "npadvmod") and h.pos_ in NOUN and h.i not in inside:
        obj = object_of(h, ("in", "of"))
        return chunk_text(obj if obj is not None else h)
    v = root  # the subject of the verb the figure hangs from
    for _ in range(4):
        if v.pos_ in ("VERB", "AUX") or v.dep_ == "ROOT":
            break
        v = v.head
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in NOUN), None)
    if subj is None:
        return None
    obj = object_of(subj)  # "holdings of savings bonds"
    return chunk_text(subj) + (" of " + chunk_text(obj) if obj is not None else "")


def main() -> None:
    nlp = spacy.load(entities.load_nlp().path)  # the same package, every component on
    cache: dict[str, object] = {}

    def parsed(text):
        if text not in cache:
            cache[text] = nlp(text)
        doc = cache[text]
        return [(s, e, v, u, parse_subject(doc, s, e)) for s, e, v, u, _ in ours(text)]

    def parse_else_patterns(text):
        patterns = {f[:2]: f[4] for f in ours(text)}
        return [(s, e, v, u, p or patterns.get((s, e))) for s, e, v, u, p in parsed(text)]

    sets = {title: cases for title, cases in gold_sets().items()  # those with gold subjects
            if any(q.get("subject") for c in cases for q in c["expected"])}
    totals = {"word patterns (the pipeline)": [0, 0, 0, 0], "parse": [0, 0, 0, 0], "parse, else patterns": [0, 0, 0, 0]}
    for title, cases in sets.items():
        line = []
        for (name, total), predict in zip(totals.items(), (ours, parsed, parse_else_patterns), strict=True):
            right, wrong, none, n = subjects(cases, predict)
            totals[name] = [a + b for a, b in zip(total, (right, wrong, none, n), strict=True)]
            line.append(f"{name} {right}/{n} ({wrong} wrong, {none} none)")
        print(f"{title}: " + "; ".join(line))
    for name, (right, wrong, none, n) in totals.items():
        print(f"all {len(sets)} sets: {name}: {right}/{n} = {right / n:.0%} right, {wrong} wrong, {none} none")

    bodies = []
    with gzip.open(SHARED / "corpora" / "reuters21578.jsonl.gz", "rt") as fh:
        for line in fh:
            if body := json.loads(line).get("body"):
                bodies.append(body)
            if len(bodies) >= 500:
                break
    sents = [b[s:e] for b in bodies for s, e in split_sentences(b.replace("\n", " "))]
    with_figures = [s for s in sents if ours(s)]
    start = time.perf_counter()
    list(nlp.pipe(with_figures, batch_size=64))
    full = time.perf_counter() - start
    ner = entities.load_nlp()
    start = time.perf_counter()
    list(ner.pipe(sents, batch_size=64))
    ner_all = time.perf_counter() - start
    print(f"500 Reuters bodies, one process: {len(sents):,} sentences, {len(with_figures):,} with a figure; "
          f"the full pipeline on those {full:.1f} s, ner on every sentence {ner_all:.1f} s")


if __name__ == "__main__":
    main()

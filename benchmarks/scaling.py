"""How the pure steps scale with the size of one input: each is timed on a text of n and of 4n units
(lines, rows, sentences), and the ratio printed; about 4 is linear, about 16 quadratic.

    .venv/bin/python benchmarks/scaling.py [--n 1000]

The inputs are the shapes that made steps quadratic before session 21 (each found by timing them): a
page of names each over a sentence (the comment-thread test, jusText's smoothing), a paragraph with no
sentence end (the segmenter's word before a full stop), a table read as one sentence (figures' range
ends and running subjects; dates' clause tense and overlap test), and those of session 25's new rules
(a paragraph of numbered items, a Markdown line of marks never closed, capitalised words before a
bracketed acronym). Real documents are far smaller; these say what one odd document costs.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from pipelines.lib.cleaning import strip_boilerplate
from pipelines.lib.dates import find_dates
from pipelines.lib.entities import defined_acronyms
from pipelines.lib.figures import find_figures
from pipelines.lib.markdown import plain
from pipelines.lib.segmenting import split_sentences


def names_page(n: int) -> str:
    story = "\n\n".join(["The harbour authority said on Monday that it would close the quay until the spring."] * 20)
    people = "\n\n".join(f"Person{i % 500} Name\n\nHe said the council had not answered his letters." for i in range(n))
    return story + "\n\n" + people


def run_on(n: int) -> str:
    return " ".join(f"Mr. Smith of U.S. Steel Corp. said No. {i} rose" for i in range(n)) + "."


def list_items(n: int) -> str:
    return " ".join(f"{i % 30 + 1}. item number {i} of the list" for i in range(n))


def unclosed_marks(n: int) -> str:
    return " ".join(f"*a [b **c{i}" for i in range(n))


def capitals(n: int) -> str:
    return " ".join(f"Word{i}" for i in range(n)) + " (X)"


def table(n: int) -> str:
    return "\n".join(f"| {i} | 34.5 | 6,789 | 10 pct | on Monday in March |" for i in range(n))


CASES = {
    "clean: a page of names over sentences": (names_page, strip_boilerplate),
    "segment: a paragraph with no sentence end": (run_on, split_sentences),
    "segment: a paragraph of numbered items": (list_items, split_sentences),
    "markdown: a line of marks never closed": (unclosed_marks, plain),
    "entities: capitalised words before a (X)": (capitals, defined_acronyms),
    "figures: a table read as one sentence": (table, find_figures),
    "dates: a table read as one sentence": (table, lambda t: find_dates(t, 0, len(t), date(1987, 4, 8))),
}


def timed(fn, text: str) -> float:
    t0 = time.perf_counter()
    fn(text)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    print(f"{'step and input':<46}{'n':>8}{'s':>9}{'4n':>8}{'s':>9}{'ratio':>8}")
    for name, (make, fn) in CASES.items():
        fn(make(10))  # warm up (pint's registry, compiled patterns)
        small, big = make(args.n), make(4 * args.n)
        a, b = timed(fn, small), timed(fn, big)
        print(f"{name:<46}{len(small):>8,}{a:>9.3f}{len(big):>8,}{b:>9.3f}{b / a:>8.1f}")


if __name__ == "__main__":
    main()

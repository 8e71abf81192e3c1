"""The corpora the benchmarks read from ../shared/corpora (research use: never copied into the project),
and the hand-labelled sets of benchmarks/data that point into them by offsets."""

from __future__ import annotations

import functools
import gzip
import json
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = Path(__file__).resolve().parent / "data"


@functools.cache
def bodies(corpus: str = "reuters21578.jsonl.gz") -> dict[str, str]:
    """Every body of ``../shared/corpora/<corpus>`` by id, newlines read as spaces (read once a run)."""
    with gzip.open(SHARED / "corpora" / corpus, "rt") as fh:
        return {d["id"]: d["body"].replace("\n", " ") for d in map(json.loads, fh) if d.get("body")}


def hand_labelled(name: str, corpus: str = "reuters21578.jsonl.gz") -> list[dict]:
    """``benchmarks/data/<name>``: gold answers, each with its sentence read from the corpus by the
    offsets the file keeps (``doc_id``, ``start``, ``end``)."""
    cases = [json.loads(line) for line in (DATA / name).open()]
    texts = bodies(corpus)
    for case in cases:
        case["text"] = texts[case["doc_id"]][case["start"]:case["end"]]
    return cases

"""Near-duplicate documents: MinHash signatures of word shingles, banded LSH to find candidates.

A document whose estimated Jaccard similarity to an earlier one reaches ``THRESHOLD`` gets
``duplicate_of`` = the earliest document of its group (exact copies already share a ``doc_id``).
"""

from __future__ import annotations

import re

import numpy as np

NUM_PERM = 128
SHINGLE_WORDS = 5
THRESHOLD = 0.7  # chosen on measurement: see benchmarks/near_duplicates.py and the README
_SEED = 1
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature (``NUM_PERM`` uint64 values) of a text, or None for an empty text."""
    items = shingles(text)
    if not items:
        return None
    from datasketch import MinHash  # here, not at import: datasketch pulls in scipy (0.75 s)

    m = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    m.update_batch(list(items))
    return m.hashvalues.astype(np.uint64)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


BANDS, ROWS = 32, 4  # LSH banding: pairs at Jaccard ~0.42 collide half the time, at 0.7 nearly always


def _band_keys(sig: np.ndarray) -> list[bytes]:
    return [bytes([b]) + sig[b * ROWS:(b + 1) * ROWS].tobytes() for b in range(BANDS)]


def assign_duplicates(
    earlier: list[tuple[str, np.ndarray, str | None]],
    new: list[tuple[str, np.ndarray | None]],
    *,
    threshold: float = THRESHOLD,
) -> dict[str, str]:
    """``duplicate_of`` for each new document that nearly repeats an earlier one (or an earlier new one).

    ``earlier`` holds (doc_id, signature, its own duplicate_of) in ingest order; ``new`` is in ingest
    order too. Candidates come from LSH buckets (``BANDS`` bands of ``ROWS`` values), then the
    estimated Jaccard decides. The answer points at the earliest document of the group.
    """
    buckets: dict[bytes, list[str]] = {}
    order: dict[str, int] = {}
    root: dict[str, str] = {}
    sigs: dict[str, np.ndarray] = {}

    def add(doc_id: str, sig: np.ndarray, dup: str | None, keys: list[bytes]) -> None:
        order[doc_id] = len(order)
        root[doc_id] = dup or doc_id
        sigs[doc_id] = sig
        for key in keys:
            buckets.setdefault(key, []).append(doc_id)

    for doc_id, sig, dup in earlier:
        if sig is not None and doc_id not in order:
            add(doc_id, sig, dup, _band_keys(sig))
    found: dict[str, str] = {}
    for doc_id, sig in new:
        if sig is None or doc_id in order:
            continue
        keys = _band_keys(sig)
        seen = {c for key in keys for c in buckets.get(key, ())}
        candidates = [c for c in seen if jaccard(sig, sigs[c]) >= threshold]
        dup = None
        if candidates:
            best = min(candidates, key=lambda c: order.get(root[c], order[c]))
            dup = root[best]
            found[doc_id] = dup
        add(doc_id, sig, dup, keys)
    return found

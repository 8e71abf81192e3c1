"""Near-duplicate documents: MinHash signatures of word shingles, banded LSH to find candidates.

A document whose estimated Jaccard similarity to an earlier one reaches ``THRESHOLD`` gets
``duplicate_of`` = the earliest document of its group (exact copies already share a ``doc_id``).
"""

from __future__ import annotations

import functools
import hashlib
import re

import numpy as np

NUM_PERM = 128
SHINGLE_WORDS = 5
THRESHOLD = 0.7  # chosen on measurement: see benchmarks/near_duplicates.py and the README
_SEED = 1
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature (``NUM_PERM`` uint64 values) of a text, or None for an empty text.

    The values of datasketch's ``MinHash(num_perm=NUM_PERM, seed=_SEED, scheme="affine32")`` fed the
    shingles (tests hold the two equal), computed here in a few numpy steps without its per-shingle
    function calls and per-document set-up: 0.76 s for 2,000 Reuters bodies against 0.98 s, of which
    0.3 s is making the shingles and most of the rest SHA-1 itself."""
    items = shingles(text)
    if not items:
        return None
    sha1 = hashlib.sha1
    hv = np.frombuffer(b"".join([sha1(s).digest()[:4] for s in items]), dtype="<u4").astype(np.uint32)
    a, b = _permutations()
    with np.errstate(over="ignore"):  # the affine32 scheme is arithmetic modulo 2**32
        hv = hv ^ (hv >> np.uint32(16))
        hv = hv * np.uint32(0x85EBCA6B)
        hv = hv ^ (hv >> np.uint32(13))
        hv = hv * np.uint32(0xC2B2AE35)
        hv = hv ^ (hv >> np.uint32(16))  # MurmurHash3's 32-bit finaliser, as datasketch mixes
        return (hv[:, None] * a + b).min(axis=0).astype(np.uint64)


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The seed's affine permutations (odd uint32 ``a``, uint32 ``b``), drawn as datasketch 2.0 draws
    them for ``scheme="affine32"`` (tests hold the two equal) without importing datasketch, which
    pulls in scipy: 0.9 s at the start of every process that cleans."""
    gen = np.random.RandomState(_SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


BANDS, ROWS = 32, 4  # LSH banding: pairs at Jaccard ~0.42 collide half the time, at 0.7 nearly always


def band_hashes(matrix: np.ndarray) -> np.ndarray:
    """One 64-bit hash per LSH band of each signature: ``(n, BANDS)`` for ``(n, NUM_PERM)`` signatures."""
    bands = np.ascontiguousarray(matrix, dtype=np.uint64).reshape(len(matrix), BANDS, ROWS)
    h = np.full((len(matrix), BANDS), 0xCBF29CE484222325, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(ROWS):  # FNV-1a over the band's values; collisions only add candidates to verify
            h = (h ^ bands[:, :, r]) * np.uint64(0x100000001B3)
    return h + np.arange(BANDS, dtype=np.uint64)  # the same values in two bands are two keys


def assign_duplicates(
    earlier: tuple[list[str], np.ndarray, list[str | None]],
    new: list[tuple[str, np.ndarray | None]],
    *,
    threshold: float = THRESHOLD,
) -> dict[str, str]:
    """``duplicate_of`` for each new document that nearly repeats an earlier one (or an earlier new one).

    ``earlier`` is (doc_ids, their signatures as one ``(n, NUM_PERM)`` matrix, their own
    duplicate_of), in ingest order; ``new`` is in ingest order too. Candidates come from LSH: ``BANDS``
    bands of ``ROWS`` values, hashed; the earlier documents that share a band hash with a new one are
    found with one vectorised pass, so a small batch against a large corpus costs little. Then the
    estimated Jaccard decides. The answer points at the earliest document of the group.
    """
    ids, matrix, dups = earlier
    new = [(d, s) for d, s in new if s is not None]
    if not new:
        return {}
    new_hashes = band_hashes(np.stack([s for _, s in new]))
    hit = np.zeros(len(ids), dtype=bool)
    if len(ids):
        earlier_hashes = band_hashes(matrix)
        for b in range(BANDS):
            hit |= np.isin(earlier_hashes[:, b], new_hashes[:, b])
    buckets: dict[int, list[str]] = {}
    order: dict[str, int] = {d: i for i, d in enumerate(ids)}
    root: dict[str, str] = {}
    sigs: dict[str, np.ndarray] = {}

    def add(doc_id: str, sig: np.ndarray, dup: str | None, keys) -> None:
        root[doc_id] = dup or doc_id
        sigs[doc_id] = sig
        for key in keys:
            buckets.setdefault(int(key), []).append(doc_id)

    for i in np.flatnonzero(hit):
        add(ids[i], matrix[i], dups[i], earlier_hashes[i])
    found: dict[str, str] = {}
    for (doc_id, sig), keys in zip(new, new_hashes, strict=True):
        if doc_id in order:
            continue
        seen = {c for key in keys for c in buckets.get(int(key), ())}
        candidates = [c for c in seen if jaccard(sig, sigs[c]) >= threshold]
        dup = None
        if candidates:
            best = min(candidates, key=lambda c: order.get(root[c], order[c]))
            dup = root[best]
            found[doc_id] = dup
        order[doc_id] = len(order)
        add(doc_id, sig, dup, keys)
    return found


def stack(rows: list[tuple[str, np.ndarray, str | None]]) -> tuple[list[str], np.ndarray, list[str | None]]:
    """``assign_duplicates``' earlier documents from (doc_id, signature, duplicate_of) rows."""
    matrix = np.stack([s for _, s, _ in rows]) if rows else np.zeros((0, NUM_PERM), dtype=np.uint64)
    return [d for d, _, _ in rows], matrix, [x for _, _, x in rows]

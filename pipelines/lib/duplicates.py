"""Near-duplicate documents: MinHash signatures of word shingles, banded LSH to find candidates.

A document whose estimated Jaccard similarity to an earlier one reaches ``THRESHOLD`` gets
``duplicate_of`` = the earliest document of its group (exact copies already share a ``doc_id``).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable

import numpy as np

NUM_PERM = 128
SHINGLE_WORDS = 5
THRESHOLD = 0.7  # chosen on measurement: see benchmarks/near_duplicates.py and docs/measurements.md (Cleaning)
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


def _hits(hashes: np.ndarray, new_hashes: np.ndarray) -> np.ndarray:
    """Which rows of ``hashes`` share a band hash with a row of ``new_hashes``, band by band."""
    hit = np.zeros(len(hashes), dtype=bool)
    for b in range(BANDS):
        hit |= np.isin(hashes[:, b], new_hashes[:, b])
    return hit


def matching_earlier(
    chunks: Iterable[tuple[list[str], np.ndarray]], new: list[tuple[str, np.ndarray | None]]
) -> tuple[list[str], np.ndarray, dict[str, int], int]:
    """The earlier documents ``assign_duplicates`` needs for ``new``, read a chunk at a time.

    ``chunks`` gives every earlier document in ingest order as (doc_ids, signatures) pieces. Kept:
    those sharing an LSH band hash with a new signature (the only ones that can be candidates) and
    those whose doc_id is a new one's. Returns (their doc_ids, their signatures, the ingest position
    of each, how many earlier documents there are): memory holds the matches and one chunk, so it
    does not grow with the corpus as one matrix of every signature did (1 KiB a document).
    """
    sigs = [s for _, s in new if s is not None]
    new_hashes = band_hashes(np.stack(sigs)) if sigs else np.zeros((0, BANDS), dtype=np.uint64)
    new_ids = {d for d, _ in new}
    ids: list[str] = []
    rows: list[np.ndarray] = []
    positions: dict[str, int] = {}
    start = 0
    for chunk_ids, matrix in chunks:
        hit = _hits(band_hashes(matrix), new_hashes) if len(chunk_ids) else np.zeros(0, dtype=bool)
        for i, doc_id in enumerate(chunk_ids):
            if hit[i] or doc_id in new_ids:
                ids.append(doc_id)
                rows.append(matrix[i].astype(np.uint64, copy=True))
                positions[doc_id] = start + i
        start += len(chunk_ids)
    matrix = np.stack(rows) if rows else np.zeros((0, NUM_PERM), dtype=np.uint64)
    return ids, matrix, positions, start


def committed_matches(wh, signatures: list[tuple[str, np.ndarray | None]]):
    """What near-duplicate detection needs of the committed documents for this batch's
    ``signatures``: ``assign_duplicates``' arguments, from one pass over the committed signatures
    in ~1 MiB pieces (only the documents that share an LSH band with a new one, or a doc_id, are
    kept), then the duplicate_of of those and the ingest positions of the documents these name.

    Files in the order of their first batch id are rows in ingest order: a file holds its batches
    in order (compaction keeps the oldest first) and its name starts with its first batch id."""
    import pyarrow as pa  # here, not at the top: the worker processes that compute signatures never need it
    import pyarrow.compute as pc

    from pipelines.lib.storage import read_batches

    files = sorted(wh.committed_files("minhashes"), key=lambda p: p.stem.removeprefix("c-").split("--")[0])

    def chunks(columns):
        for path in files:
            yield from read_batches(path, columns)

    def signature_chunks():
        for b in chunks(["doc_id", "signature"]):
            flat = pc.list_flatten(b.column("signature")).to_numpy(zero_copy_only=False)
            yield b.column("doc_id").to_pylist(), flat.astype(np.uint64, copy=False).reshape(b.num_rows, -1)

    ids, matrix, positions, count = matching_earlier(signature_chunks(), signatures)
    dup_of: dict[str, str | None] = {}
    if ids:
        wanted = pa.array(ids)
        for path in wh.committed_files("documents"):
            for b in read_batches(path, ["doc_id", "duplicate_of"]):
                b = b.filter(pc.is_in(b.column("doc_id"), value_set=wanted))
                dup_of.update(zip(b.column("doc_id").to_pylist(), b.column("duplicate_of").to_pylist(), strict=True))
    roots = {d for d in dup_of.values() if d and d not in positions}
    if roots:  # the earliest document of a group a match belongs to: its position decides between groups
        wanted, start = pa.array(sorted(roots)), 0
        for b in chunks(["doc_id"]):
            for i in pc.indices_nonzero(pc.is_in(b.column("doc_id"), value_set=wanted)).to_pylist():
                positions[b.column("doc_id")[i].as_py()] = start + i
            start += b.num_rows
    return (ids, matrix, [dup_of.get(d) for d in ids]), positions, count


def committed_duplicates(wh, minhashes) -> dict[str, str]:
    """``duplicate_of`` for each of a batch's documents (its ``minhashes`` table, in ingest order) that
    nearly repeats a committed document or an earlier one of the batch: ``assign_duplicates`` over what
    ``committed_matches`` keeps of the warehouse. One call, so that the warehouse process runs both and
    hands back only the answer (session 14, when it took the signatures as a list: in the process that
    runs Dagster, calling for the matches and assigning there raised it by 3.6-5.9 MiB in a batch of
    1,000 Reuters bodies; this call by 1.8-2.6)."""
    signatures = signatures_of(minhashes)
    earlier, positions, count = committed_matches(wh, signatures)
    return assign_duplicates(earlier, signatures, positions=positions, count=count)


def assign_duplicates(
    earlier: tuple[list[str], np.ndarray, list[str | None]],
    new: list[tuple[str, np.ndarray | None]],
    *,
    threshold: float = THRESHOLD,
    positions: dict[str, int] | None = None,
    count: int | None = None,
) -> dict[str, str]:
    """``duplicate_of`` for each new document that nearly repeats an earlier one (or an earlier new one).

    ``earlier`` is (doc_ids, their signatures as one ``(n, NUM_PERM)`` matrix, their own
    duplicate_of), in ingest order; ``new`` is in ingest order too. Candidates come from LSH: ``BANDS``
    bands of ``ROWS`` values, hashed; the earlier documents that share a band hash with a new one are
    found with one vectorised pass, so a small batch against a large corpus costs little. Then the
    estimated Jaccard decides. The answer points at the earliest document of the group.

    ``earlier`` may be only the documents ``matching_earlier`` kept: then ``positions`` gives the
    ingest position of each of them and of the documents their ``duplicate_of`` names, and ``count``
    how many earlier documents there are in all; the answer is the same as with every one of them.
    """
    ids, matrix, dups = earlier
    new = [(d, s) for d, s in new if s is not None]
    if not new:
        return {}
    new_hashes = band_hashes(np.stack([s for _, s in new]))
    earlier_hashes = band_hashes(matrix) if len(ids) else np.zeros((0, BANDS), dtype=np.uint64)
    hit = _hits(earlier_hashes, new_hashes)
    buckets: dict[int, list[str]] = {}
    order: dict[str, int] = dict(positions) if positions is not None else {d: i for i, d in enumerate(ids)}
    next_position = count if count is not None else len(ids)
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
        order[doc_id] = next_position
        next_position += 1
        add(doc_id, sig, dup, keys)
    return found


def stack(rows: list[tuple[str, np.ndarray, str | None]]) -> tuple[list[str], np.ndarray, list[str | None]]:
    """``assign_duplicates``' earlier documents from (doc_id, signature, duplicate_of) rows."""
    matrix = np.stack([s for _, s, _ in rows]) if rows else np.zeros((0, NUM_PERM), dtype=np.uint64)
    return [d for d, _, _ in rows], matrix, [x for _, _, x in rows]


def signature_table(signatures: list[tuple[str, np.ndarray | None]], batch_id: str):
    """The ``minhashes`` rows of a batch, built from the signatures' arrays as they are, not from a
    list of Python ints per signature (1,000 signatures: Python's peak 5.4 MiB that way under
    tracemalloc, plus 1.0 MiB of Arrow's pool; 2.2 MiB this way, the arrays' copy included)."""
    import pyarrow as pa

    from pipelines.lib.schemas import SCHEMAS

    kept = [(doc_id, sig) for doc_id, sig in signatures if sig is not None]
    values = np.concatenate([sig for _, sig in kept]).astype(np.uint64, copy=False) if kept else np.zeros(0, np.uint64)
    offsets = np.arange(len(kept) + 1, dtype=np.int32) * NUM_PERM
    return pa.table(
        {"doc_id": pa.array([doc_id for doc_id, _ in kept], pa.string()),
         "signature": pa.ListArray.from_arrays(pa.array(offsets), pa.array(values, pa.uint64())),
         "batch_id": pa.array([batch_id] * len(kept), pa.string())},
        schema=SCHEMAS["minhashes"],
    )


def signatures_of(minhashes) -> list[tuple[str, np.ndarray]]:
    """``(doc_id, signature)`` of each row of a ``minhashes`` table, in order (``signature_table``'s inverse)."""
    import pyarrow.compute as pc

    flat = pc.list_flatten(minhashes.column("signature")).to_numpy(zero_copy_only=False)
    matrix = flat.astype(np.uint64, copy=False).reshape(minhashes.num_rows, NUM_PERM)
    return list(zip(minhashes.column("doc_id").to_pylist(), matrix, strict=True))

"""Near-duplicate detection against a committed corpus read a row group at a time gives the same
answers as against every earlier signature held at once."""

import numpy as np

from pipelines.lib import duplicates
from pipelines.lib.schemas import table_from_rows
from pipelines.lib.storage import Warehouse

rng = np.random.default_rng(7)


def fresh() -> np.ndarray:
    return rng.integers(1, 2**63, size=duplicates.NUM_PERM, dtype=np.uint64)


def changed(sig: np.ndarray, bands: range, row: int) -> np.ndarray:
    """``sig`` with row ``row`` of each of ``bands`` (LSH bands of ``ROWS`` rows) replaced."""
    out = sig.copy()
    out[[band * duplicates.ROWS + row for band in bands]] = fresh()[: len(bands)]
    return out


# A; C, unlike A; B, a near copy of A that came after C; N, new, near both B and C but sharing no LSH
# band with A. N belongs to A's group (the earliest): only A's ingest position says that A precedes C.
A = fresh()
B = changed(A, range(8, 32), 0)  # bands 0-7 still A's
N = changed(B, range(0, 8), 1)  # no band of A's left
C = changed(N, range(8, 24), 2)
OTHERS = [fresh() for _ in range(6)]


def commit(wh: Warehouse, batch: str, docs: list[tuple[str, np.ndarray, str | None]]) -> None:
    wh.stage(batch, "minhashes", table_from_rows(
        "minhashes", [{"doc_id": d, "signature": s.tolist(), "batch_id": batch} for d, s, _ in docs]))
    wh.stage(batch, "documents", table_from_rows("documents", [{"doc_id": d, "duplicate_of": x} for d, _, x in docs]))
    wh.commit(batch)


def test_pairs_are_what_the_test_says():
    j = duplicates.jaccard
    assert (j(A, B), j(N, B), j(N, C), j(A, C), j(B, C)) == (104 / 128, 120 / 128, 112 / 128, 80 / 128, 104 / 128)
    assert not duplicates._hits(duplicates.band_hashes(A[None]), duplicates.band_hashes(N[None])).any()


def test_committed_matches_give_the_answer_of_the_whole_corpus(tmp_path):
    wh = Warehouse(tmp_path)
    wh.init()
    earlier: list[tuple[str, np.ndarray, str | None]] = []
    batches = [[("a", A), ("o0", OTHERS[0])], [("c", C), ("o1", OTHERS[1]), ("o2", OTHERS[2])], [("b", B), ("o3", OTHERS[3])]]
    for i, docs in enumerate(batches):
        found = duplicates.assign_duplicates(duplicates.stack(earlier), docs)
        rows = [(d, s, found.get(d)) for d, s in docs]
        commit(wh, f"b{i}", rows)
        earlier += rows
    assert dict((d, x) for d, _, x in earlier if x) == {"b": "a"}

    # "o0" is an id already in the warehouse: such a document is left alone, whatever it resembles
    new = [("o4", OTHERS[4]), ("n", N), ("o0", C.copy()), ("none", None)]
    whole = duplicates.assign_duplicates(duplicates.stack(earlier), new)
    (ids, matrix, dups), positions, count = duplicates.committed_matches(wh, new)
    streamed = duplicates.assign_duplicates((ids, matrix, dups), new, positions=positions, count=count)
    assert whole == streamed == duplicates.committed_duplicates(wh, duplicates.signature_table(new, "b3")) == {"n": "a"}
    # only what can matter was read into memory: N's neighbours, C's copy and the repeated id; A's
    # position comes from the second pass, as the root of B's group
    assert sorted(ids) == ["b", "c", "o0"] and count == 7 and positions["a"] == 0
    # without the position of the group's root, C (earlier than B) would win
    assert duplicates.assign_duplicates(
        (["c", "b"], np.stack([C, B]), [None, "a"]), [("n", N)], positions={"c": 2, "b": 5}, count=7
    ) == {"n": "c"}


def test_matching_earlier_reads_any_chunking_alike():
    ids = [f"d{i}" for i in range(40)]
    near = np.concatenate([fresh()[:16], A[16:]])  # shares 28 of the 32 bands with A
    sigs = [near if i in (5, 31) else fresh() for i in range(40)]
    whole = duplicates.matching_earlier([(ids, np.stack(sigs))], [("x", A)])
    for size in (1, 7, 40):
        chunks = [(ids[i:i + size], np.stack(sigs[i:i + size])) for i in range(0, 40, size)]
        got = duplicates.matching_earlier(chunks, [("x", A)])
        assert got[0] == whole[0] == ["d5", "d31"] and got[2] == whole[2] == {"d5": 5, "d31": 31} and got[3] == 40
        assert np.array_equal(got[1], whole[1])


def test_the_signature_table_holds_each_signature_as_computed():
    sigs = [("a", duplicates.signature("the quick brown fox jumps over the lazy dog again")), ("b", None),
            ("c", duplicates.signature("one two three four five six seven"))]
    table = duplicates.signature_table(sigs, "B1")
    assert table.column("doc_id").to_pylist() == ["a", "c"]
    assert table.column("signature").to_pylist() == [sigs[0][1].tolist(), sigs[2][1].tolist()]
    assert table.column("batch_id").to_pylist() == ["B1", "B1"]
    assert duplicates.signature_table([("b", None)], "B1").num_rows == 0
    assert [(d, s.tolist()) for d, s in duplicates.signatures_of(table)] == [(d, s.tolist()) for d, s in sigs if s is not None]

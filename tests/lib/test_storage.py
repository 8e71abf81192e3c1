import json
import os

import pyarrow.parquet as pq
import pytest

from pipelines.lib import storage
from pipelines.lib.schemas import SCHEMAS, table_from_rows
from pipelines.lib.storage import COMMIT_MARKER, COMPACT_FROM_FILES, Warehouse


def rows(batch, n=2):
    return table_from_rows("rejected", [dict(source=f"{batch}-{i}", reason="empty", detail="x", batch_id=batch) for i in range(n)])


def count(wh, table="rejected"):
    return wh.read_committed(table).num_rows


def test_commit_makes_a_batch_visible_at_once(tmp_path):
    wh = Warehouse(tmp_path)
    wh.init()
    wh.stage("b1", "rejected", rows("b1"))
    wh.stage("b1", "files", table_from_rows("files", []))
    assert count(wh) == 0 and not wh.is_committed("b1")
    assert sorted(wh.commit("b1")) == ["files", "rejected"]
    assert count(wh) == 2 and wh.is_committed("b1")
    assert not wh.staging_dir("b1").exists()


def test_recover_discards_an_uncommitted_batch_and_rolls_a_committed_one_forward(tmp_path):
    wh = Warehouse(tmp_path)
    wh.init()
    wh.stage("b1", "rejected", rows("b1"))  # killed before the commit marker
    wh.stage("b2", "rejected", rows("b2", 3))
    wh.stage("b2", "files", table_from_rows("files", []))
    (wh.staging_dir("b2") / COMMIT_MARKER).write_text("now")
    os.replace(wh.staging_dir("b2") / "files.parquet", wh.table_dir("files") / "b2.parquet")  # killed mid-way
    done = wh.recover()
    assert done == {"rolled_forward": ["b2"], "discarded": ["b1"]}
    assert count(wh) == 3 and wh.is_committed("b2") and not wh.is_committed("b1")
    assert wh.recover() == {"rolled_forward": [], "discarded": []}


def committed_warehouse(root, batch_ids):
    """A warehouse with one committed batch of ``rejected`` rows per id."""
    wh = Warehouse(root)
    wh.init()
    for b in batch_ids:
        wh.stage(b, "rejected", rows(b))
        wh.commit(b)
    return wh


def test_compaction_bounds_files_and_keeps_rows(tmp_path):
    """50 incremental runs, compacted after each as the warehouse step does: the file count never
    passes 13 and no row is lost or repeated."""
    wh = Warehouse(tmp_path)
    wh.init()
    most = 0
    for i in range(50):
        wh.stage(f"b{i:02d}", "rejected", rows(f"b{i:02d}"))
        wh.commit(f"b{i:02d}")
        wh.compact("rejected")
        most = max(most, len(wh.committed_files("rejected")))
    assert most <= 13
    assert count(wh) == 100
    assert sorted(wh.read_committed("rejected").column("source").to_pylist()) == sorted(f"b{i:02d}-{j}" for i in range(50) for j in range(2))


def test_compacted_postings_stay_sorted_by_term_and_sentences_are_lz4(tmp_path, monkeypatch):
    """Each batch's postings are sorted by term; the compacted file must be too, or DuckDB reads
    every row group for any term. Sentences are LZ4 (every search reads their text). Row groups of
    7 rows here, so the merge is written in many pieces."""
    monkeypatch.setattr(storage, "ROW_GROUP_ROWS", 7)
    wh = Warehouse(tmp_path)
    wh.init()
    for i in range(COMPACT_FROM_FILES + 1):
        terms = sorted(f"{w}{i}" for w in ("oil", "zinc", "beef", "tin"))
        wh.stage(f"b{i:02d}", "postings", table_from_rows("postings", [
            dict(term=t, doc_id=f"d{i}", sentence_id=0, tf=1, len=4) for t in terms]))
        wh.stage(f"b{i:02d}", "sentences", table_from_rows("sentences", [
            dict(doc_id=f"d{i}", sentence_id=0, paragraph_id=0, start=0, end=3, text="Oil")]))
        wh.commit(f"b{i:02d}")
    assert wh.compact("postings") is not None
    (merged,) = [p for p in wh.committed_files("postings") if p.name.startswith("c-")]
    terms = pq.read_table(merged).column("term").to_pylist()
    assert len(terms) > 4 * COMPACT_FROM_FILES - 4 and terms == sorted(terms)
    assert pq.ParquetFile(merged).metadata.num_row_groups == -(-len(terms) // 7)
    assert pq.read_schema(merged) == SCHEMAS["postings"]
    meta = pq.ParquetFile(wh.committed_files("sentences")[0]).metadata
    assert meta.row_group(0).column(0).compression == "LZ4"


def test_minhash_signatures_are_written_without_a_dictionary(tmp_path):
    """Random 64-bit hashes never repeat: a dictionary for them only costs memory while writing. The
    other columns keep theirs, in the batch's file and in the compacted one."""
    wh = Warehouse(tmp_path)
    wh.init()
    for i in range(COMPACT_FROM_FILES + 1):
        wh.stage(f"b{i:02d}", "minhashes", table_from_rows("minhashes", [
            dict(doc_id=f"d{i}-{j}", signature=[(i * 1_000_003 + j * 7919 + k) * 2654435761 % 2**61 for k in range(128)],
                 batch_id=f"b{i:02d}") for j in range(3)]))
        wh.commit(f"b{i:02d}")

    def assert_encodings(path):
        group = pq.ParquetFile(path).metadata.row_group(0)
        encodings = {group.column(c).path_in_schema.split(".")[0]: group.column(c).encodings for c in range(group.num_columns)}
        assert not any("DICTIONARY" in e for e in encodings["signature"]), encodings
        assert any("DICTIONARY" in e for e in encodings["doc_id"]), encodings

    assert_encodings(wh.committed_files("minhashes")[0])
    assert wh.compact("minhashes") is not None
    assert_encodings(next(p for p in wh.committed_files("minhashes") if p.name.startswith("c-")))
    assert wh.read_committed("minhashes").num_rows == 3 * (COMPACT_FROM_FILES + 1)


def test_compaction_streams_files_of_an_older_schema_in_order(tmp_path, monkeypatch):
    """Compaction writes a row group at a time (3 rows here), keeps the batches' order, and gives
    files written before a column existed NULLs in it."""
    monkeypatch.setattr(storage, "ROW_GROUP_ROWS", 3)
    wh = Warehouse(tmp_path)
    wh.init()
    for i in range(COMPACT_FROM_FILES + 1):
        table = rows(f"b{i:02d}")
        if i < 4:  # an older layout: no `detail` yet
            pq.write_table(table.drop_columns(["detail"]), wh.table_dir("rejected") / f"b{i:02d}.parquet")
        else:
            wh.stage(f"b{i:02d}", "rejected", table)
            wh.commit(f"b{i:02d}")
    assert wh.compact("rejected") is not None
    (merged,) = wh.committed_files("rejected")
    t = pq.read_table(merged)
    assert t.schema == SCHEMAS["rejected"] and pq.ParquetFile(merged).metadata.num_row_groups == -(-t.num_rows // 3)
    assert t.column("source").to_pylist() == [f"b{i:02d}-{j}" for i in range(COMPACT_FROM_FILES + 1) for j in range(2)]
    assert t.column("detail").null_count == 8


def test_a_compaction_cut_short_is_finished_by_recover(tmp_path):
    wh = committed_warehouse(tmp_path, ["b0", "b1", "b2"])
    old = wh.committed_files("rejected")
    merged = pq.read_table(old[0]).to_pylist() + pq.read_table(old[1]).to_pylist()
    target = wh.table_dir("rejected") / "c-b0--b1.parquet"
    tmp = target.with_name(".c-b0--b1.parquet.compact.tmp")
    pq.write_table(table_from_rows("rejected", merged), tmp)
    (tmp_path / "_compaction.json").write_text(json.dumps(
        {"table": "rejected", "tmp": str(tmp), "target": str(target), "replaces": [str(p) for p in old[:2]]}))
    assert count(wh) == 6  # killed after the journal: the merged file is not visible yet
    wh.recover()
    assert count(wh) == 6 and len(wh.committed_files("rejected")) == 2 and not (tmp_path / "_compaction.json").exists()


@pytest.mark.parametrize("rows, nulls", [
    ([dict(source="a", reason="empty", detail="x", batch_id="b")], 0),
    ([dict(source="a", reason="empty", batch_id="b")], 1),  # a missing key is NULL
])
def test_rows_become_a_table_of_the_schema(rows, nulls):
    t = table_from_rows("rejected", rows)
    assert t.schema == SCHEMAS["rejected"] and t.num_rows == 1 and t.column("detail").null_count == nulls


def test_a_row_with_a_column_the_schema_lacks_is_refused():
    rows = [dict(source="a", reason="empty", detail="x", batch_id="b"), dict(source="b", reason="empty", typo=1)]
    with pytest.raises(KeyError, match=r"rejected: unknown columns \['typo'\]"):
        table_from_rows("rejected", rows)


@pytest.mark.parametrize("seed", range(4))
def test_sorted_merge_equals_one_sort(tmp_path, monkeypatch, seed):
    """Files sorted by (term, doc_id, sentence_id), read 5 rows at a time, come out as one sort of
    all their rows, whatever their sizes and overlaps (runs of one term across files included)."""
    import random

    monkeypatch.setattr(storage, "MERGE_READ_ROWS", 5)
    monkeypatch.setattr(storage, "ROW_GROUP_ROWS", 8)
    rnd = random.Random(seed)
    wh = Warehouse(tmp_path)
    wh.init()
    everything = []
    for i in range(COMPACT_FROM_FILES + 1):
        postings = [dict(term=rnd.choice(["oil", "tin", "zinc", "oil", "oil"]) + rnd.choice(["", "s", "2"]),
                     doc_id=f"d{i:02d}-{rnd.randrange(4)}", sentence_id=j, tf=1, len=3) for j in range(rnd.randrange(0, 30))]
        postings.sort(key=lambda r: (r["term"], r["doc_id"], r["sentence_id"]))
        everything += postings
        wh.stage(f"b{i:02d}", "postings", table_from_rows("postings", postings))
        wh.commit(f"b{i:02d}")
    assert wh.compact("postings") is not None
    (merged,) = wh.committed_files("postings")
    got = pq.read_table(merged).to_pylist()
    assert got == sorted(everything, key=lambda r: (r["term"], r["doc_id"], r["sentence_id"]))


def test_a_batch_written_before_a_column_existed_reads_it_as_null(tmp_path):
    wh = Warehouse(tmp_path)
    wh.init()
    old = rows("b1").drop_columns(["seen_at"])  # a file of the table as an earlier version wrote it
    wh.staging_dir("b1").mkdir(parents=True)
    pq.write_table(old, wh.staging_dir("b1") / "rejected.parquet")
    got = wh.read_batch("b1", "rejected", columns=["source", "seen_at", "reason"])
    assert got.column_names == ["source", "seen_at", "reason"]
    assert got.schema.field("seen_at").type == SCHEMAS["rejected"].field("seen_at").type
    assert got.column("seen_at").null_count == 2 and got.column("source").to_pylist() == ["b1-0", "b1-1"]

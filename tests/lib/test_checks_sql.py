"""The blocking checks' SQL (sql/checks/): each finds the broken rows of a batch and passes a sound one."""

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines.lib import database

TEXT = "One sentence. Two sentences."


def _write(path, rows: dict) -> str:
    pq.write_table(pa.table(rows), path)
    return str(path)


@pytest.mark.parametrize(("starts", "ends", "texts", "bad"), [
    ([0, 14], [13, 28], ["One sentence.", "Two sentences."], 0),
    ([0, 14], [13, 27], ["One sentence.", "Two sentences."], 1),   # an end one short
    ([1, 14], [14, 28], ["One sentence.", "Two sentences."], 1),   # the first shifted by one
    ([0, 14], [13, 29], ["One sentence.", "Two sentences.."], 1),  # past the text's end
    ([0, 14], [13, 28], ["One sentence.", "Two  sentences."], 1),  # text not the document's
])
def test_offsets_slice_text(tmp_path, starts, ends, texts, bad):
    docs = _write(tmp_path / "documents.parquet", {"doc_id": ["d1"], "text": [TEXT]})
    segments = _write(tmp_path / "sentences.parquet",
                      {"doc_id": ["d1"] * len(starts), "start": starts, "end": ends, "text": texts})
    rows = database.failures("checks/offsets_slice_text.sql", {"segments": segments, "documents": docs})
    assert len(rows) == bad


def test_offsets_of_a_document_not_in_the_batch(tmp_path):
    docs = _write(tmp_path / "documents.parquet", {"doc_id": ["d1"], "text": [TEXT]})
    segments = _write(tmp_path / "sentences.parquet", {"doc_id": ["d2"], "start": [0], "end": [13], "text": ["One sentence."]})
    assert database.failures("checks/offsets_slice_text.sql", {"segments": segments, "documents": docs}) == [("d2", 0, 13, "One sentence.")]


@pytest.mark.parametrize(("texts", "starts", "ends", "bad"), [
    (["One sentence.", "Two."], [0, 14], [13, 18], 0),
    (["One sentence.", "   "], [0, 14], [13, 17], 1),
    (["One sentence.", ""], [0, 14], [13, 14], 1),
    (["One sentence.", None], [0, 14], [13, 18], 1),
    (["One sentence.", "Two."], [0, 14], [13, 14], 1),  # end at start
])
def test_empty_sentences(tmp_path, texts, starts, ends, bad):
    sentences = _write(tmp_path / "sentences.parquet", {
        "doc_id": ["d1"] * len(texts), "sentence_id": list(range(len(texts))), "start": starts, "end": ends,
        "text": pa.array(texts, pa.string())})
    assert len(database.failures("checks/empty_sentences.sql", {"sentences": sentences})) == bad


@pytest.mark.parametrize(("batch_ids", "committed_ids", "duplicates"), [
    (["a", "b"], ["c", "d"], []),
    (["a", "b"], ["b", "c"], [("b", 2)]),   # already committed by an earlier batch
    (["a", "a"], ["c"], [("a", 2)]),        # twice in the batch itself
])
def test_duplicate_doc_ids(tmp_path, batch_ids, committed_ids, duplicates):
    (tmp_path / "committed").mkdir()
    batch = _write(tmp_path / "batch.parquet", {"doc_id": batch_ids, "batch_id": ["b2"] * len(batch_ids)})
    _write(tmp_path / "committed" / "part-0.parquet", {"doc_id": committed_ids, "batch_id": ["b1"] * len(committed_ids)})
    rows = database.failures("checks/duplicate_doc_ids.sql", {
        "batch": batch, "committed": str(tmp_path / "committed" / "*.parquet"), "batch_id": "b2"})
    assert sorted(rows) == duplicates


def test_a_batch_redone_after_its_commit_is_not_its_own_duplicate(tmp_path):
    """A batch committed and then checked again (a run killed after the commit) finds its own rows among
    the committed ones: they are not duplicates."""
    (tmp_path / "committed").mkdir()
    batch = _write(tmp_path / "batch.parquet", {"doc_id": ["a"], "batch_id": ["b2"]})
    _write(tmp_path / "committed" / "part-0.parquet", {"doc_id": ["a", "c"], "batch_id": ["b2", "b1"]})
    assert database.failures("checks/duplicate_doc_ids.sql", {
        "batch": batch, "committed": str(tmp_path / "committed" / "*.parquet"), "batch_id": "b2"}) == []

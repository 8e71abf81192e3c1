"""The incremental entity roll-up gives what a roll-up over every mention gives."""

import duckdb
import pytest

from pipelines.lib import entities_rollup
from pipelines.lib.entities import entity_id
from pipelines.lib.schemas import table_from_rows
from pipelines.lib.storage import Warehouse

# (doc_id, text, label, entity_name) per batch; names and labels change their majority across batches
BATCHES = {
    "b1": [("d1", "Xi", "PERSON", "Xi Jinping"), ("d1", "Xi Jinping", "PERSON", "Xi Jinping"),
           ("d1", "Beijing", "GPE", "Beijing"), ("d2", "Trump", "ORG", "Trump"), ("d2", "Paris", "GPE", "Paris")],
    "b2": [("d3", "Trump", "PERSON", "Trump"), ("d3", "Donald Trump", "PERSON", "Trump"),
           ("d3", "Beijing", "ORG", "Beijing"), ("d4", "xi jinping", "PERSON", "xi jinping")],
    "b3": [("d5", "Beijing", "ORG", "Beijing"), ("d5", "Beijing", "ORG", "Beijing"), ("d6", "Taipei", "GPE", "Taipei"),
           ("d6", "XI JINPING", "PERSON", "xi jinping")],
}

FROM_SCRATCH = """
SELECT entity_id,
       first(entity_name ORDER BY nn DESC, entity_name) AS name,
       (SELECT first(label ORDER BY nl DESC, label) FROM (SELECT label, count(*) AS nl FROM m AS m2
        WHERE m2.entity_id = g.entity_id GROUP BY label)) AS label,
       any_value(aliases) AS aliases, any_value(n_mentions) AS n_mentions, any_value(n_documents) AS n_documents
FROM (SELECT entity_id, entity_name, count(*) OVER (PARTITION BY entity_id, entity_name) AS nn,
             list_sort(list(DISTINCT text) OVER (PARTITION BY entity_id)) AS aliases,
             count(*) OVER (PARTITION BY entity_id) AS n_mentions,
             count(DISTINCT doc_id) OVER (PARTITION BY entity_id) AS n_documents
      FROM m) AS g
GROUP BY entity_id ORDER BY entity_id
"""


def mentions(batch):
    return table_from_rows("mentions", [
        dict(doc_id=d, sentence_id=0, start=0, end=len(t), text=t, label=label, entity_id=entity_id(name),
             entity_name=name) for d, t, label, name in BATCHES[batch]])


def run_batch(wh, batch):
    wh.stage(batch, "mentions", mentions(batch))
    entities_rollup.roll_up(wh, batch)
    wh.commit(batch)


def from_scratch(wh):
    with duckdb.connect() as con:
        con.execute("CREATE TABLE m AS SELECT * FROM read_parquet(?)", [[str(p) for p in wh.committed_files("mentions")]])
        return [tuple(r) for r in con.execute(FROM_SCRATCH).fetchall()]


@pytest.mark.parametrize("forget_votes", [False, True], ids=["votes kept", "warehouse from before the votes"])
def test_incremental_roll_up_equals_a_roll_up_of_every_mention(tmp_path, forget_votes):
    wh = Warehouse(tmp_path)
    wh.init()
    for batch in BATCHES:
        if forget_votes and batch == "b3":
            (wh.table_dir("entity_votes") / "current.parquet").unlink()  # built by an older version
        run_batch(wh, batch)
    ours = [tuple(r.values())[:6] for r in wh.read_committed("entities").to_pylist()]
    assert ours == from_scratch(wh)
    by_name = {r["name"]: r for r in wh.read_committed("entities").to_pylist()}
    assert by_name["Trump"]["label"] == "PERSON"  # 2 votes against 1
    assert by_name["Beijing"]["label"] == "ORG" and by_name["Beijing"]["country_code"] is None  # lost its place
    assert by_name["Taipei"]["country_code"] == "TW" and by_name["Paris"]["country_code"] == "FR"
    xi = by_name["Xi Jinping"]  # 2 votes each for "Xi Jinping" and "xi jinping": the first in sort order
    assert xi["n_documents"] == 3 and xi["aliases"] == ["XI JINPING", "Xi", "Xi Jinping", "xi jinping"]


@pytest.mark.parametrize("seed", range(5))
def test_a_snapshot_read_in_pieces_gets_the_touched_entities_replaced_in_order(tmp_path, monkeypatch, seed):
    import random

    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipelines.lib import storage

    rng = random.Random(seed)
    schema = pa.schema([("entity_id", pa.string()), ("field", pa.string()), ("value", pa.string()), ("n", pa.int64())])
    keys = ("entity_id", "field", "value")
    ids = [f"{rng.randrange(16**4):04x}" for _ in range(300)]
    previous = sorted({(i, f, f"v{rng.randrange(3)}", 1) for i in ids for f in ("label", "name")})
    touched = set(rng.sample(sorted(set(ids)), 20)) | {f"{rng.randrange(16**4):04x}x" for _ in range(10)}  # some new
    new = sorted({(i, "name", "w", 7) for i in touched})
    path = tmp_path / "current.parquet"
    pq.write_table(pa.Table.from_pylist([dict(zip(keys + ("n",), r, strict=True)) for r in previous], schema=schema),
                   path, row_group_size=100)
    monkeypatch.setattr(storage, "READ_BYTES", 1)  # pieces of 64 rows: the merge crosses many of them
    pieces = list(entities_rollup.replaced(path, pa.Table.from_pylist(
        [dict(zip(keys + ("n",), r, strict=True)) for r in new], schema=schema), keys))
    assert len(pieces) > 5
    got = [tuple(r.values()) for p in pieces for r in p.to_pylist()]
    assert got == sorted([r for r in previous if r[0] not in touched] + new)


def test_a_snapshot_written_without_a_column_gets_it_as_null(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipelines.lib.schemas import SCHEMAS

    schema = SCHEMAS["entities"]
    old = [dict(entity_id="a", name="A", label="ORG", aliases=["A"], n_mentions=1, n_documents=1),
           dict(entity_id="c", name="C", label="ORG", aliases=["C"], n_mentions=2, n_documents=1)]
    path = tmp_path / "current.parquet"
    pq.write_table(pa.Table.from_pylist(old, schema=pa.schema([f for f in schema if f.name in old[0]])), path)
    new = pa.Table.from_pylist([dict(entity_id="b", name="B", label="GPE", aliases=["B"], n_mentions=1, n_documents=1,
                                     country_code="BE", latitude=50.8, longitude=4.4)], schema=schema)
    rows = [r for t in entities_rollup.replaced(path, new, ("entity_id",)) for r in t.to_pylist()]
    assert [(r["entity_id"], r["country_code"]) for r in rows] == [("a", None), ("b", "BE"), ("c", None)]

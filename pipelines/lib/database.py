"""``warehouse.duckdb``: views and macros over the Parquet tables, installed from ``sql/``."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipelines.lib.schemas import SCHEMAS

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"
# Order matters: views first (macros refer to them), each folder sorted by name.
INSTALL_FOLDERS = ("views", "macros")


def sql_literal(value: str) -> str:
    """A SQL string literal. Used only for the warehouse path in view DDL, which takes no parameters."""
    return "'" + value.replace("'", "''") + "'"


def read_sql(name: str) -> str:
    """The text of ``sql/<name>``, e.g. ``queries/example.sql``."""
    return (SQL_DIR / name).read_text(encoding="utf-8")


def install_statements(root: Path) -> list[tuple[str, str]]:
    """(file, statement) pairs that define every view and macro for the warehouse at ``root``."""
    out = []
    for folder in INSTALL_FOLDERS:
        for path in sorted((SQL_DIR / folder).glob("*.sql")):
            sql = path.read_text(encoding="utf-8").replace("{warehouse}", sql_literal(str(root)))
            out.append((f"{folder}/{path.name}", sql))
    return out


def definitions_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for name, sql in install_statements(root):
        digest.update(name.encode() + b"\0" + sql.encode() + b"\0")
    return digest.hexdigest()[:16]


def install(root: Path, *, force: bool = False) -> bool:
    """(Re)create the views and macros if ``sql/`` or the warehouse path changed. Returns True if it did."""
    root = Path(root).resolve()
    wanted = definitions_hash(root)
    db = root / "warehouse.duckdb"
    if db.exists() and not force:
        try:
            with duckdb.connect(str(db), read_only=True) as con:
                row = con.execute("SELECT value FROM _textwarehouse_meta WHERE key = 'definitions'").fetchone()
            if row and row[0] == wanted:
                return False
        except duckdb.Error:
            pass
    try:
        con = duckdb.connect(str(db))
    except duckdb.IOException as exc:
        raise RuntimeError(
            f"cannot open {db} for writing ({exc}); close any DuckDB shell on it (`make sql`) and run again"
        ) from exc
    with con:
        con.execute("BEGIN")
        try:
            execute_in_order(con, install_statements(root))
        except RuntimeError:
            con.execute("ROLLBACK")
            raise
        con.execute("CREATE TABLE IF NOT EXISTS _textwarehouse_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        con.execute("INSERT OR REPLACE INTO _textwarehouse_meta VALUES ('definitions', ?), ('root', ?)", [wanted, str(root)])
        con.execute("COMMIT")
    return True


def execute_in_order(con: duckdb.DuckDBPyConnection, statements: list[tuple[str, str]]) -> None:
    """Run (name, sql) statements; one that refers to an object defined later is retried after it."""
    pending = statements
    while pending:
        failed = []
        for name, sql in pending:
            try:
                con.execute(sql)
            except duckdb.CatalogException as exc:
                failed.append((name, sql, exc))
            except duckdb.Error as exc:
                raise RuntimeError(f"sql/{name} failed: {exc}") from exc
        if len(failed) == len(pending):
            name, _, exc = failed[0]
            raise RuntimeError(f"sql/{name} failed: {exc}")
        pending = [(name, sql) for name, sql, _ in failed]


def macro_statements() -> list[tuple[str, str]]:
    """(file, statement) of every macro in sql/macros (they name no path, so any connection can take them)."""
    return [(f"macros/{p.name}", p.read_text(encoding="utf-8")) for p in sorted((SQL_DIR / "macros").glob("*.sql"))]


def connect(root: Path, *, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A connection to ``warehouse.duckdb`` with every view and macro ready."""
    db = Path(root).resolve() / "warehouse.duckdb"
    if not db.exists():
        raise FileNotFoundError(f"no warehouse at {db}: run `textwarehouse run` (or `make run`) first")
    return duckdb.connect(str(db), read_only=read_only)


def table_counts(root: Path) -> dict[str, int]:
    """Rows per table of the warehouse at ``root`` (sql/queries/table_counts.sql)."""
    with connect(root) as con:
        return _counts(con)


def _counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return dict(con.execute(read_sql("queries/table_counts.sql")).fetchall())


def failures(sql_name: str, params: dict) -> list[tuple]:
    """The rows a check's query (``sql/checks/``) finds wrong, on a connection of its own."""
    return failures_of([(sql_name, params)])[0]


def failures_of(queries: list[tuple[str, dict]]) -> list[list[tuple]]:
    """``failures`` of each (query, parameters), in order, on one connection."""
    with duckdb.connect() as con:
        return [con.execute(read_sql(sql_name), params).fetchall() for sql_name, params in queries]


def summary(root: Path) -> tuple[dict[str, int], str, str]:
    """What ``textwarehouse run`` prints at the end: ``table_counts``, and the example query
    (sql/queries/example.sql) with its result as a table."""
    example_sql = read_sql("queries/example.sql")
    with connect(root) as con:
        counts = _counts(con)
        example = con.sql(example_sql)
        return counts, example_sql, str(example) if example is not None else ""


def tokenizer_connection() -> duckdb.DuckDBPyConnection:
    """An in-memory connection with the search tokenizer macros: what the index is built with."""
    con = duckdb.connect()
    con.execute(read_sql("macros/tokens.sql"))
    return con


SCAN_ROWS = 1024  # rows per Arrow batch handed to DuckDB: it scans batches in parallel, a file's one row group not


def _in_pieces(table: pa.Table) -> pa.Table:
    return pa.Table.from_batches(table.to_batches(max_chunksize=SCAN_ROWS), schema=table.schema)


def stage_search_index(wh, batch_id: str) -> dict[str, int]:
    """Index the batch's sentences (``search_index``) and stage ``postings`` and ``sentence_lengths``
    in ``wh`` (a ``storage.Warehouse``); their row counts, and the distinct terms as ``terms``."""
    postings, lengths = search_index(wh.batch_file(batch_id, "sentences"))
    wh.stage(batch_id, "postings", postings.cast(SCHEMAS["postings"]))
    wh.stage(batch_id, "sentence_lengths", lengths.cast(SCHEMAS["sentence_lengths"]))
    return {"postings": postings.num_rows, "sentence_lengths": lengths.num_rows,
            "terms": pc.count_distinct(postings.column("term")).as_py()}


def search_index(sentences: Path) -> tuple[pa.Table, pa.Table]:
    """The postings and sentence lengths of one sentences file, tokenized once with the same SQL
    macro the shell uses at query time (sql/macros/tokens.sql).

    DuckDB gets the rows as Arrow in pieces of ``SCAN_ROWS``, which both cores then share: read from
    the batch's file (one row group) or a temp table, tokenizing ran on one (8,393 Reuters sentences:
    index 240-300 -> 195-230 ms, two runs of medians of 5, both with tw_is_stopword)."""
    text = pq.read_table(sentences, columns=["doc_id", "sentence_id", "text"])
    with tokenizer_connection() as con:
        con.register("batch_sentences", _in_pieces(text))
        tokens = con.execute(read_sql("queries/search_tokens.sql")).to_arrow_table()
        con.register("search_tokens", _in_pieces(tokens))
        postings = con.execute(read_sql("queries/postings.sql")).to_arrow_table()
        lengths = con.execute(read_sql("queries/sentence_lengths.sql")).to_arrow_table()
    return postings, lengths

-- Every raw file seen, with its status (ingested, duplicate, rejected): the ledger that makes runs incremental.
CREATE OR REPLACE VIEW files AS
SELECT * FROM read_parquet({warehouse} || '/files/*.parquet', union_by_name = true);

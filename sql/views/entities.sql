-- One row per real-world entity across all documents (a snapshot rewritten by each run).
CREATE OR REPLACE VIEW entities AS
SELECT * FROM read_parquet({warehouse} || '/entities/*.parquet', union_by_name = true);

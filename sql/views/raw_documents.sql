-- One row per ingested document: the decoded text, untouched.
CREATE OR REPLACE VIEW raw_documents AS
SELECT * FROM read_parquet({warehouse} || '/raw_documents/*.parquet', union_by_name = true);

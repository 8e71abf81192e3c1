-- One row per document: the clean body and its metadata.
CREATE OR REPLACE VIEW documents AS
SELECT * FROM read_parquet({warehouse} || '/documents/*.parquet', union_by_name = true);

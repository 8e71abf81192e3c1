-- Stretches of raw text dropped as page chrome; raw_start/raw_end are offsets into raw_documents.raw_text.
CREATE OR REPLACE VIEW removed AS
SELECT * FROM read_parquet({warehouse} || '/removed/*.parquet', union_by_name = true);

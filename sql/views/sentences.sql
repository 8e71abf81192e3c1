-- Sentences of the clean bodies; start/end are code-point offsets into documents.text.
CREATE OR REPLACE VIEW sentences AS
SELECT * FROM read_parquet({warehouse} || '/sentences/*.parquet', union_by_name = true);

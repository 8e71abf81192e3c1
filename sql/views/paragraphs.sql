-- Paragraphs of the clean bodies; start/end are code-point offsets into documents.text.
CREATE OR REPLACE VIEW paragraphs AS
SELECT * FROM read_parquet({warehouse} || '/paragraphs/*.parquet', union_by_name = true);

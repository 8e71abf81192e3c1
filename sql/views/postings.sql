-- The search index: one row per (term, sentence) with the term's frequency in the sentence.
CREATE OR REPLACE VIEW postings AS
SELECT * FROM read_parquet({warehouse} || '/postings/*.parquet', union_by_name = true);

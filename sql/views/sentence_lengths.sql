-- Tokens per sentence, for BM25 length normalisation.
CREATE OR REPLACE VIEW sentence_lengths AS
SELECT * FROM read_parquet({warehouse} || '/sentence_lengths/*.parquet', union_by_name = true);

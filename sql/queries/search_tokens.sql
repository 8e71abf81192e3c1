-- The tokens of one batch of sentences, computed once for postings.sql and sentence_lengths.sql.
-- $sentences: the batch's sentences file. Needs the tw_tokens macro (sql/macros/tokens.sql).
CREATE OR REPLACE TEMP TABLE search_tokens AS
SELECT doc_id, sentence_id, tw_tokens(text) AS terms FROM read_parquet($sentences);

-- The tokens of one batch of sentences, computed once for postings.sql and sentence_lengths.sql
-- (which read the result as search_tokens). batch_sentences: the batch's sentences (doc_id,
-- sentence_id, text), registered by the caller. Needs the tw_tokens macro (sql/macros/tokens.sql).
SELECT doc_id, sentence_id, tw_tokens(text) AS terms FROM batch_sentences;

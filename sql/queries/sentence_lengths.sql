-- Tokens per sentence of one batch (BM25's document length). Reads search_tokens
-- (search_tokens.sql).
SELECT doc_id, sentence_id, len(terms)::INTEGER AS len
FROM search_tokens
ORDER BY doc_id, sentence_id;

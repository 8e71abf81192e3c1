-- Tokens per sentence of one batch (BM25's document length). $sentences: the batch's sentences file.
SELECT doc_id, sentence_id, len(tw_tokens(text))::INTEGER AS len
FROM read_parquet($sentences)
ORDER BY doc_id, sentence_id;

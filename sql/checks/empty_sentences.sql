-- Sentences that are empty or only whitespace. $sentences: a batch's sentences file.
SELECT doc_id, sentence_id, start, "end"
FROM read_parquet($sentences)
WHERE text IS NULL OR trim(text) = '' OR "end" <= start
LIMIT 10;

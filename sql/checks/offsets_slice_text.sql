-- Segment rows whose offsets do not slice documents.text back to their own text.
-- $segments: a batch's Parquet file of paragraphs or sentences; $documents: the batch's documents file.
SELECT s.doc_id, s.start, s."end", s.text
FROM read_parquet($segments) AS s
LEFT JOIN read_parquet($documents) AS d USING (doc_id)
WHERE d.doc_id IS NULL
   OR substring(d.text, s.start + 1, s."end" - s.start) IS DISTINCT FROM s.text
LIMIT 10;

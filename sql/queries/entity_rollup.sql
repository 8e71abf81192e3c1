-- Entities across all documents, from the committed mentions plus a batch's staged ones.
-- $committed: glob of committed mentions files; $batch: the batch's mentions file.
WITH m AS (
    SELECT doc_id, text, label, entity_id, entity_name FROM read_parquet($committed, union_by_name = true)
    UNION ALL
    SELECT doc_id, text, label, entity_id, entity_name FROM read_parquet($batch)
)
SELECT entity_id,
       mode(entity_name) AS name,
       mode(label) AS label,
       list_sort(list(DISTINCT text)) AS aliases,
       count(*) AS n_mentions,
       count(DISTINCT doc_id) AS n_documents
FROM m
GROUP BY entity_id
ORDER BY entity_id;

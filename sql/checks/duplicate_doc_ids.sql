-- doc_ids that would appear twice once the batch is committed.
-- $batch: the batch's documents file; $committed: a glob of the committed documents files.
SELECT doc_id, count(*) AS n
FROM (
    SELECT doc_id FROM read_parquet($batch)
    UNION ALL
    SELECT doc_id FROM read_parquet($committed, union_by_name = true) WHERE batch_id IS DISTINCT FROM $batch_id
)
GROUP BY doc_id
HAVING count(*) > 1
LIMIT 10;

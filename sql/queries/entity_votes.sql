-- The votes (how often each entity was written each way and tagged each label) of the entities a
-- batch's mentions touch: their previous votes plus the batch's. The snapshot `entity_votes` is the
-- previous one with these entities' rows replaced (entities_rollup.py), so a batch never re-reads
-- the mentions already committed. $previous: glob of the previous votes; $mentions: the mentions to
-- add (a batch's file, or every committed file when the votes are first built for a warehouse that
-- had none).
WITH m AS (SELECT entity_id, entity_name, label FROM read_parquet($mentions, union_by_name = true)),
batch AS (
    SELECT entity_id, 'name' AS field, entity_name AS value, count(*) AS n FROM m GROUP BY ALL
    UNION ALL
    SELECT entity_id, 'label' AS field, label AS value, count(*) AS n FROM m GROUP BY ALL
)
SELECT entity_id, field, value, sum(n)::BIGINT AS n
FROM (
    SELECT entity_id, field, value, n FROM read_parquet($previous, union_by_name = true)
    WHERE entity_id IN (SELECT entity_id FROM batch)
    UNION ALL
    SELECT entity_id, field, value, n FROM batch
)
GROUP BY ALL
ORDER BY entity_id, field, value;

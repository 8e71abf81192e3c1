-- How often each entity was written each way and tagged each label: the votes behind entities.name
-- and entities.label, kept as a snapshot so a batch adds its votes without re-reading every mention.
-- $previous: glob of the previous votes; $mentions: glob of the mentions to add (a batch's file, or
-- every committed file when the votes are first built for a warehouse that had none).
SELECT entity_id, field, value, sum(n)::BIGINT AS n
FROM (
    SELECT entity_id, field, value, n FROM read_parquet($previous, union_by_name = true)
    UNION ALL
    SELECT entity_id, 'name' AS field, entity_name AS value, count(*) AS n
    FROM read_parquet($mentions, union_by_name = true) GROUP BY ALL
    UNION ALL
    SELECT entity_id, 'label' AS field, label AS value, count(*) AS n
    FROM read_parquet($mentions, union_by_name = true) GROUP BY ALL
)
GROUP BY ALL
ORDER BY entity_id, field, value;

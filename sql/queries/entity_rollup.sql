-- The entities a batch's mentions touch, rolled up: their previous rows plus the batch's mentions
-- (the snapshot `entities` is the previous one with these rows replaced, entities_rollup.py), so a
-- batch costs in proportion to its mentions. $previous: glob of the previous entities; $batch: the
-- batch's mentions; reads the votes table (entity_votes.sql: every vote of these entities, the
-- batch's included). The name and the label are the most voted (ties: the first in sort order);
-- aliases are every way the entity was written; a document's mentions are all in one batch, so
-- counts add up. `geo_known` says the previous place lookup still holds.
WITH b AS (
    SELECT entity_id, list(DISTINCT text) AS aliases, count(*) AS n_mentions, count(DISTINCT doc_id) AS n_documents
    FROM read_parquet($batch)
    GROUP BY entity_id
),
prev AS (SELECT * FROM read_parquet($previous, union_by_name = true) WHERE entity_id IN (SELECT entity_id FROM b)),
winner AS (
    SELECT entity_id,
           first(value ORDER BY n DESC, value) FILTER (WHERE field = 'name') AS name,
           first(value ORDER BY n DESC, value) FILTER (WHERE field = 'label') AS label
    FROM votes
    GROUP BY entity_id
)
SELECT entity_id,
       w.name,
       w.label,
       list_sort(list_distinct(list_concat(coalesce(p.aliases, []), coalesce(b.aliases, [])))) AS aliases,
       (coalesce(p.n_mentions, 0) + coalesce(b.n_mentions, 0))::BIGINT AS n_mentions,
       (coalesce(p.n_documents, 0) + coalesce(b.n_documents, 0))::BIGINT AS n_documents,
       p.country_code,
       p.latitude,
       p.longitude,
       p.entity_id IS NOT NULL AND p.name = w.name AND p.label = w.label AS geo_known
FROM b
LEFT JOIN prev AS p USING (entity_id)
JOIN winner AS w USING (entity_id)
ORDER BY entity_id;

-- search_entity('Xi Jinping'): sentences that mention an entity by any of its names ("Xi", "President Xi" ...).
CREATE OR REPLACE MACRO search_entity(entity_name) AS TABLE
SELECT DISTINCT s.doc_id, s.sentence_id, e.name AS entity, e.label, s.text
FROM entities AS e
JOIN mentions AS m USING (entity_id)
JOIN sentences AS s ON s.doc_id = m.doc_id AND s.sentence_id = m.sentence_id
WHERE lower(e.name) = lower(entity_name)
   OR list_contains(list_transform(e.aliases, a -> lower(a)), lower(entity_name))
ORDER BY s.doc_id, s.sentence_id;

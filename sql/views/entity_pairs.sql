-- Who appears with whom: entities mentioned in the same sentence (entity_a < entity_b by id).
CREATE OR REPLACE VIEW entity_pairs AS
WITH m AS (SELECT DISTINCT doc_id, sentence_id, entity_id FROM mentions)
SELECT a.entity_id AS entity_a, b.entity_id AS entity_b,
       ea.name AS name_a, eb.name AS name_b,
       count(*) AS n_sentences, count(DISTINCT a.doc_id) AS n_documents
FROM m AS a
JOIN m AS b ON a.doc_id = b.doc_id AND a.sentence_id = b.sentence_id AND a.entity_id < b.entity_id
LEFT JOIN entities AS ea ON ea.entity_id = a.entity_id
LEFT JOIN entities AS eb ON eb.entity_id = b.entity_id
GROUP BY ALL;

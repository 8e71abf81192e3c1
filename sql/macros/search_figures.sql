-- search_figures('soybean imports'): figures whose subject or sentence matches the query, best first.
CREATE OR REPLACE MACRO search_figures(query) AS TABLE
WITH r AS (SELECT doc_id, sentence_id, score FROM search(query))
SELECT f.doc_id, f.sentence_id, f.text, f.kind, f.value, f.unit, f.approximate, f.subject, f.role, f.group_id, f.per,
       r.score + CASE WHEN len(list_intersect(tw_tokens(f.subject), tw_tokens(query))) > 0 THEN 1 ELSE 0 END AS score
FROM figures AS f JOIN r USING (doc_id, sentence_id)
ORDER BY score DESC, f.doc_id, f.start;

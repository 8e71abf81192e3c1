-- What `textwarehouse search` prints: rank, score, document title, sentence. $query, $limit.
SELECT row_number() OVER (ORDER BY r.score DESC, r.doc_id, r.sentence_id) AS rank,
       r.score, coalesce(d.title, d.source) AS title, r.doc_id, r.sentence_id, r.text
FROM search($query) AS r
JOIN documents AS d USING (doc_id)
ORDER BY rank
LIMIT $limit;

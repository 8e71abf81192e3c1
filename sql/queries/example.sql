-- The longest documents, with their first sentence.
SELECT d.title, d.n_sentences, s.text AS first_sentence
FROM documents d
JOIN sentences s ON s.doc_id = d.doc_id AND s.sentence_id = 0
ORDER BY d.n_chars DESC
LIMIT 5;

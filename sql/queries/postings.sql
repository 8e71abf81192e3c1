-- Postings of one batch of sentences, sorted by term so readers skip row groups by term.
-- Each row also carries its sentence's length (len), so scoring needs no join.
-- Reads search_tokens (search_tokens.sql).
SELECT term, doc_id, sentence_id, count(*)::INTEGER AS tf, any_value(len(terms))::INTEGER AS len
FROM (SELECT doc_id, sentence_id, terms, unnest(terms) AS term FROM search_tokens)
GROUP BY term, doc_id, sentence_id
ORDER BY term, doc_id, sentence_id;

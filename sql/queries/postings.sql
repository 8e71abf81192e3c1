-- Postings of one batch of sentences, sorted by term so readers skip row groups by term.
-- Each row also carries its sentence's length (len), so scoring needs no join.
-- $sentences: the batch's sentences file. Needs the tw_tokens macro (sql/macros/tokens.sql).
WITH tokens AS (SELECT doc_id, sentence_id, tw_tokens(text) AS terms FROM read_parquet($sentences))
SELECT term, doc_id, sentence_id, count(*)::INTEGER AS tf, any_value(len(terms))::INTEGER AS len
FROM (SELECT doc_id, sentence_id, terms, unnest(terms) AS term FROM tokens)
GROUP BY term, doc_id, sentence_id
ORDER BY term, doc_id, sentence_id;

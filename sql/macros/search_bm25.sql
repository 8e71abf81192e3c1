-- BM25 (k1 = 1.2, b = 0.75) over sentences. tw_bm25(query, require_all) is the engine; search(),
-- search_all() and search_documents() are the public faces. Corpus statistics (N, average length,
-- document frequencies) are computed at query time, so a new batch counts as soon as it is committed.
CREATE OR REPLACE MACRO tw_bm25(query, require_all) AS TABLE
WITH q AS MATERIALIZED (SELECT DISTINCT unnest(tw_tokens(query)) AS term),
stats AS (SELECT count(*) AS n, avg(len) AS avgdl FROM sentence_lengths),
hits AS MATERIALIZED (SELECT p.term, p.doc_id, p.sentence_id, p.tf, p.len FROM postings AS p SEMI JOIN q ON p.term = q.term),
df AS (SELECT term, count(*) AS df FROM hits GROUP BY term),
scored AS (
    SELECT h.doc_id, h.sentence_id,
           sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5))
               * h.tf * (1.2 + 1) / (h.tf + 1.2 * (1 - 0.75 + 0.75 * h.len / stats.avgdl))) AS score,
           count(*) AS matched
    FROM hits AS h
    JOIN df USING (term)
    CROSS JOIN stats
    GROUP BY h.doc_id, h.sentence_id
)
SELECT s.doc_id, s.sentence_id, scored.score, s.text
FROM scored
JOIN sentences AS s USING (doc_id, sentence_id)
WHERE NOT require_all OR scored.matched = (SELECT count(*) FROM q)
ORDER BY scored.score DESC, s.doc_id, s.sentence_id;

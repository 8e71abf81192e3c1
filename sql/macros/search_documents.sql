-- search_documents('arms sale'): documents, best first (BM25 over whole clean bodies).
CREATE OR REPLACE MACRO search_documents(query) AS TABLE
WITH q AS (SELECT DISTINCT unnest(tw_tokens(query)) AS term),
dl AS (SELECT doc_id, sum(len) AS len FROM sentence_lengths GROUP BY doc_id),
stats AS (SELECT count(*) AS n, avg(len) AS avgdl FROM dl),
hits AS (SELECT p.term, p.doc_id, sum(p.tf) AS tf FROM postings AS p SEMI JOIN q ON p.term = q.term GROUP BY ALL),
df AS (SELECT term, count(*) AS df FROM hits GROUP BY term),
scored AS (
    SELECT h.doc_id,
           sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5))
               * h.tf * (1.2 + 1) / (h.tf + 1.2 * (1 - 0.75 + 0.75 * dl.len / stats.avgdl))) AS score
    FROM hits AS h JOIN df USING (term) JOIN dl USING (doc_id) CROSS JOIN stats
    GROUP BY h.doc_id
)
SELECT d.doc_id, d.title, scored.score
FROM scored JOIN documents AS d USING (doc_id)
ORDER BY scored.score DESC, d.doc_id;

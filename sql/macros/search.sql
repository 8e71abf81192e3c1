-- search('soybean imports'): sentences, best first (BM25, any of the words).
CREATE OR REPLACE MACRO search(query) AS TABLE
SELECT * FROM tw_bm25(query, false);

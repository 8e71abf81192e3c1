-- search_all('soybean imports'): like search(), but every word of the query must be in the sentence.
CREATE OR REPLACE MACRO search_all(query) AS TABLE
SELECT * FROM tw_bm25(query, true);

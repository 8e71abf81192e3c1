-- MinHash signatures of the clean bodies (near-duplicate detection).
CREATE OR REPLACE VIEW minhashes AS
SELECT * FROM read_parquet({warehouse} || '/minhashes/*.parquet', union_by_name = true);

-- The votes behind entities.name and entities.label (a snapshot, rewritten by each batch).
CREATE OR REPLACE VIEW entity_votes AS
SELECT * FROM read_parquet({warehouse} || '/entity_votes/*.parquet', union_by_name = true);

-- Named-entity mentions; start/end are offsets into documents.text; entity_id links to entities.
CREATE OR REPLACE VIEW mentions AS
SELECT * FROM read_parquet({warehouse} || '/mentions/*.parquet', union_by_name = true);

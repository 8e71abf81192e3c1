-- Input that could not be used, with a reason a person can act on.
CREATE OR REPLACE VIEW rejected AS
SELECT * FROM read_parquet({warehouse} || '/rejected/*.parquet', union_by_name = true);

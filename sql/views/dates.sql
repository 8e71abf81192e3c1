-- Dates and periods stated in the text; value is ISO 8601 (day, month, year or interval) or NULL.
CREATE OR REPLACE VIEW dates AS
SELECT * FROM read_parquet({warehouse} || '/dates/*.parquet', union_by_name = true);

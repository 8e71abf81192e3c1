-- Numbers stated in the text: kind (money, quantity, percent, number), fully scaled value, canonical unit.
CREATE OR REPLACE VIEW figures AS
SELECT * FROM read_parquet({warehouse} || '/figures/*.parquet', union_by_name = true);

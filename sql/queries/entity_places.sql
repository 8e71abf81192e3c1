-- The entities a batch touches with their places: the previous lookup where it still holds
-- (geo_known), else the new one. Reads the rolled table (entity_rollup.sql) and the geo table that
-- holds the lookups made for the entities listed by entity_place_lookups.sql.
SELECT r.entity_id, r.name, r.label, r.aliases, r.n_mentions, r.n_documents,
       CASE WHEN r.geo_known THEN r.country_code ELSE g.country_code END AS country_code,
       CASE WHEN r.geo_known THEN r.latitude ELSE g.latitude END AS latitude,
       CASE WHEN r.geo_known THEN r.longitude ELSE g.longitude END AS longitude
FROM rolled AS r
LEFT JOIN geo AS g USING (entity_id)
ORDER BY r.entity_id;

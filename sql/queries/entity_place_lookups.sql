-- Places to look up: new entities, or ones whose name or label changed, with a place label ($labels).
SELECT entity_id, name FROM rolled WHERE NOT geo_known AND label IN $labels ORDER BY entity_id;

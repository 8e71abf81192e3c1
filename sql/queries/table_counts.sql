-- Rows per table, for the run summary.
SELECT 'raw_documents' AS "table", count(*) AS "rows" FROM raw_documents
UNION ALL SELECT 'documents', count(*) FROM documents
UNION ALL SELECT 'paragraphs', count(*) FROM paragraphs
UNION ALL SELECT 'sentences', count(*) FROM sentences
UNION ALL SELECT 'mentions', count(*) FROM mentions
UNION ALL SELECT 'entities', count(*) FROM entities
UNION ALL SELECT 'figures', count(*) FROM figures
UNION ALL SELECT 'dates', count(*) FROM dates
UNION ALL SELECT 'removed', count(*) FROM removed
UNION ALL SELECT 'rejected', count(*) FROM rejected;

-- The ingest ledger, without paths and error texts (operational detail that no model needs).
select
  file_id,
  format,
  status,
  bytes::bigint as bytes,
  rows_json,
  exported_at,
  (exported_at at time zone 'Europe/Rome')::date as exported_on
from source_files

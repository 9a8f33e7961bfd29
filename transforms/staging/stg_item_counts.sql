-- Every counter snapshot: one row per item, metric and file that carried it.
select
  platform,
  item_id,
  metric,
  metric_source,
  value::double as value,
  observed_at,
  source_file_id
from item_counts

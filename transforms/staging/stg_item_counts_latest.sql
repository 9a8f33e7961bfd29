-- The latest value of each item's counters (the canonical view item_counts_latest).
select
  platform,
  item_id,
  metric,
  value::double as value,
  observed_at
from item_counts_latest

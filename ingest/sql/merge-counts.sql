-- Count snapshots are appended, never updated: one row per item, metric and file. Within one file the
-- last value of a metric wins (an item repeated in overlapping pages).
insert into item_counts by name (
  select platform, item_id, metric, metric_source, value,
    $exported_at::timestamptz as observed_at, $file_id::integer as source_file_id
  from stage_counts
  qualify row_number() over (partition by platform, item_id, metric order by seq desc) = 1
);

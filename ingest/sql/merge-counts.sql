-- Count snapshots are appended, never updated: one row per item, metric and file. Within one file the
-- last value of a metric wins (an item repeated in overlapping pages).
insert into item_counts by name (
  select platform, item_id, metric, metric_source, value, exported_at as observed_at, file_id as source_file_id
  from stage_counts
  join stage_files using (file)
  qualify row_number() over (partition by file, platform, item_id, metric order by seq desc) = 1
);

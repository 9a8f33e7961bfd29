-- Count snapshots an earlier chunk of the same file appended for metrics this chunk carries again (an id
-- repeated far apart in one large file): removed before merge-counts.sql appends the later values, so a
-- file keeps one row per item and metric, the last. Runs only when the chunk repeats such an id.
delete from item_counts
where source_file_id = $file_id::integer
  and (platform, item_id, metric) in (select platform, item_id, metric from stage_counts);

-- The staged items of the files in stage_files that the warehouse does not hold yet (the last record of each
-- id wins); the held ones were found by find-seen-items.sql and are updated by update-seen-items.sql. Written to a file that
-- insert-new-items.sql appends: DuckDB writes a large insert straight to the database file only when it
-- reads a plain scan, and keeps the rows of a join's result in memory until the transaction commits, so
-- a large file's load would otherwise grow with the file.
copy (
  select
    platform, item_id, account_id, author_id, created_at::timestamptz as created_at, text, lang_hint, kind,
    parent_id, root_id, url, hashtags::json::varchar[] as hashtags, mentions::json::varchar[] as mentions,
    media_count, exported_at as first_seen_at, exported_at as last_seen_at,
    file_id as source_file_id, file_id as last_source_file_id, raw::json as raw
  from stage_items
  join stage_files using (file)
  join stage_item_raw using (seq)
  anti join stage_seen_items using (platform, item_id)
  qualify row_number() over (partition by platform, item_id order by seq desc) = 1
) to (getvariable('ascolto_stage') || '/new-items.parquet') (format parquet);

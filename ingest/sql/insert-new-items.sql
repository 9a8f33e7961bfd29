-- The chunk's items that the warehouse does not hold yet (the last record of each id wins). Items it holds
-- were found first by find-seen-items.sql and are updated by update-seen-items.sql: `on conflict do nothing`
-- skips them, much cheaper in DuckDB than `do update`, whose cost grows with the table.
insert into items by name (
  select
    platform, item_id, account_id, author_id, created_at::timestamptz as created_at, text, lang_hint, kind,
    parent_id, root_id, url, hashtags::json::varchar[] as hashtags, mentions::json::varchar[] as mentions,
    media_count, $exported_at::timestamptz as first_seen_at, $exported_at::timestamptz as last_seen_at,
    $file_id::integer as source_file_id, $file_id::integer as last_source_file_id, raw::json as raw
  from stage_items
  qualify row_number() over (partition by platform, item_id order by seq desc) = 1
)
on conflict do nothing;

-- The file's items that the warehouse does not hold yet. `on conflict do nothing` is much cheaper in DuckDB
-- than `do update`, whose cost grows with the table: merge-items.sql runs only when some item was already
-- there (an overlapping export), and is idempotent on the rows inserted here.
insert into items by name (
  select
    platform, item_id, account_id, author_id, created_at::timestamptz as created_at, text, lang_hint, kind,
    parent_id, root_id, url, hashtags::json::varchar[] as hashtags, mentions::json::varchar[] as mentions,
    media_count, $exported_at::timestamptz as first_seen_at, $exported_at::timestamptz as last_seen_at,
    $file_id::integer as source_file_id, raw::json as raw
  from stage_items
  qualify row_number() over (partition by platform, item_id order by seq desc) = 1
)
on conflict do nothing;

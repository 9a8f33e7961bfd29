-- Upsert on (platform, item_id): the same item seen in two exports is one row. Within one file the last
-- record wins; across files, the newer export's non-null values win and first/last seen widen.
insert into items by name (
  select
    platform, item_id, account_id, author_id, created_at::timestamptz as created_at, text, lang_hint, kind,
    parent_id, root_id, url, hashtags::json::varchar[] as hashtags, mentions::json::varchar[] as mentions,
    media_count, $exported_at::timestamptz as first_seen_at, $exported_at::timestamptz as last_seen_at,
    $file_id::integer as source_file_id, raw::json as raw
  from stage_items
  qualify row_number() over (partition by platform, item_id order by seq desc) = 1
)
on conflict (platform, item_id) do update set
  account_id = case when excluded.last_seen_at >= items.last_seen_at then coalesce(excluded.account_id, items.account_id) else coalesce(items.account_id, excluded.account_id) end,
  author_id = case when excluded.last_seen_at >= items.last_seen_at then coalesce(excluded.author_id, items.author_id) else coalesce(items.author_id, excluded.author_id) end,
  created_at = coalesce(items.created_at, excluded.created_at),
  text = case when excluded.last_seen_at >= items.last_seen_at then coalesce(excluded.text, items.text) else coalesce(items.text, excluded.text) end,
  lang_hint = coalesce(excluded.lang_hint, items.lang_hint),
  parent_id = coalesce(items.parent_id, excluded.parent_id),
  root_id = coalesce(items.root_id, excluded.root_id),
  url = coalesce(items.url, excluded.url),
  hashtags = case when len(excluded.hashtags) > 0 then excluded.hashtags else items.hashtags end,
  mentions = case when len(excluded.mentions) > 0 then excluded.mentions else items.mentions end,
  media_count = coalesce(excluded.media_count, items.media_count),
  first_seen_at = least(items.first_seen_at, excluded.first_seen_at),
  last_seen_at = greatest(items.last_seen_at, excluded.last_seen_at),
  raw = case when excluded.last_seen_at >= items.last_seen_at then excluded.raw else items.raw end;

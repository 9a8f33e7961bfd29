-- Items with their keys, cleaned text and local (Europe/Rome) time: rename, cast, trim only.
select
  platform,
  item_id,
  platform || ':' || item_id as item_key,
  account_id,
  author_id,
  created_at,
  (created_at at time zone 'Europe/Rome')::date as created_on,
  date_trunc('week', created_at at time zone 'Europe/Rome')::date as week_start,
  date_trunc('month', created_at at time zone 'Europe/Rome')::date as month_start,
  nullif(trim(text), '') as text,
  kind,
  parent_id,
  -- why: a top-level post is its own thread even when the export leaves root_id empty
  coalesce(root_id, case when kind = 'post' then item_id end) as root_id,
  coalesce(hashtags, []::varchar[]) as hashtags,
  coalesce(mentions, []::varchar[]) as mentions,
  url,
  last_seen_at,
  source_file_id
from items

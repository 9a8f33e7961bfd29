-- `items` without its primary key. DuckDB holds a key's index in memory, growing with the table (about
-- 60 MB a million items), and checks it on every insert; the loader already keeps one row per id (it
-- finds the held ids, then appends only the others, under the warehouse lock), and a data test checks it.
-- DuckDB cannot drop a key in place: the table is copied.
create table items_unkeyed (
  platform varchar not null,
  item_id varchar not null,        -- as the platform gives it, always text
  account_id varchar,              -- the channel the item belongs to (page, profile, channel, chat)
  author_id varchar,               -- null when the author is unknown or deleted
  created_at timestamptz,
  text varchar,
  language varchar,                -- filled by transforms
  lang_hint varchar,               -- the platform's own language tag, if any
  kind varchar not null,           -- post, comment, reply, quote, repost, message
  parent_id varchar,
  root_id varchar,
  url varchar,
  hashtags varchar[],
  mentions varchar[],
  media_count integer,
  first_seen_at timestamptz not null,
  last_seen_at timestamptz not null,
  source_file_id integer not null, -- the file that first brought the item
  raw json,                        -- the original record, for provenance
  last_source_file_id integer      -- the latest file that carried it
);
insert into items_unkeyed select * from items;
drop table items;
alter table items_unkeyed rename to items;

-- Per-connection staging tables the appender fills, one chunk of a file at a time; merged into the
-- canonical tables by the merge-*.sql statements, in the file's transaction, and emptied after each chunk.
create temp table if not exists stage_items (
  seq integer, platform varchar, item_id varchar, account_id varchar, author_id varchar, created_at varchar,
  text varchar, lang_hint varchar, kind varchar, parent_id varchar, root_id varchar, url varchar,
  hashtags varchar, mentions varchar, media_count integer, raw varchar
);
create temp table if not exists stage_counts (
  seq integer, platform varchar, item_id varchar, metric varchar, metric_source varchar, value double
);
create temp table if not exists stage_authors (
  seq integer, platform varchar, author_id varchar, handle varchar, name varchar, followers bigint
);
create temp table if not exists stage_accounts (
  seq integer, platform varchar, account_id varchar, handle varchar, display_name varchar, followers bigint
);
create temp table if not exists stage_account_daily (
  seq integer, platform varchar, account_id varchar, day varchar, followers bigint, follows_gained bigint,
  follows_lost bigint, impressions bigint, reach bigint, profile_visits bigint, engagements bigint
);
-- The staged items the warehouse already holds (find-seen-items.sql): their merged values, what changed,
-- and the stored row's first and last file, so that the updates never read the wide columns of `items`.
create temp table if not exists stage_seen_items (
  platform varchar, item_id varchar, account_id varchar, author_id varchar, created_at timestamptz, text varchar,
  lang_hint varchar, parent_id varchar, root_id varchar, url varchar, media_count integer, hashtags varchar[],
  mentions varchar[], first_seen_at timestamptz, last_seen_at timestamptz, stored_first_file_id integer,
  stored_last_file_id integer, fields_changed boolean, lists_changed boolean
);

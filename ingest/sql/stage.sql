-- Per-connection staging tables the appender fills for one file; merged into the canonical tables
-- by the merge-*.sql statements, in the same transaction, and emptied before it commits.
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

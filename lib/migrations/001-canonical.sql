-- The canonical model: what every export is mapped into. Documented in docs/warehouse.md.

-- Per-warehouse settings; `pseudonym_secret` keys the authors' pseudonyms.
create table meta (
  key varchar primary key,
  value varchar not null
);
insert into meta values ('pseudonym_secret', replace(gen_random_uuid()::varchar || gen_random_uuid()::varchar, '-', ''));

-- Organisations observed, from data/config/entities.csv enriched with the ISTAT list of comuni.
create table entities (
  entity_id varchar primary key,
  name varchar not null,
  kind varchar not null,           -- comune, regione, agenzia, brand, ...
  istat_code varchar,
  province varchar,
  region varchar,
  population integer,
  size_class varchar               -- population band, see lib/config.ts
);

-- Which platform accounts each entity owns, from data/config/accounts.csv.
create table entity_accounts (
  entity_id varchar not null,
  platform varchar not null,
  handle varchar,                  -- lower-case, without '@'
  account_id varchar
);

create table source_files (
  file_id integer primary key,
  path varchar not null,           -- 'archive.zip!data/tweets.js' for a zip entry
  sha256 varchar,                  -- null for files no parser claimed (not read)
  bytes bigint not null,
  format varchar,                  -- parser name, null when no parser recognised it
  status varchar not null,         -- loaded, duplicate, rejected, ignored (inside a folder or zip, no parser claims it)
  rows_json varchar,               -- rows added per table, as JSON
  skipped_json varchar,            -- records skipped by named rules, as JSON
  error varchar,
  exported_at timestamptz,         -- the export's own date where it gives one, else the file's mtime
  ingested_at timestamptz not null
);
create sequence source_file_ids start 1;

create table accounts (
  platform varchar not null,
  account_id varchar not null,
  handle varchar,
  display_name varchar,
  entity_id varchar,               -- null for accounts outside the registry
  followers bigint,
  first_seen_at timestamptz,
  last_seen_at timestamptz,
  primary key (platform, account_id)
);

create table authors (
  platform varchar not null,
  author_id varchar not null,
  pseudonym varchar not null,      -- keyed hash of platform and id: counts people without naming them
  handle varchar,                  -- internal only
  name varchar,                    -- internal only
  followers bigint,
  is_own boolean not null default false,  -- one of the registry's own accounts
  primary key (platform, author_id)
);

create table items (
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
  primary key (platform, item_id)
);

-- Counters are time series: one row per item, metric and file that carried it; never updated.
create table item_counts (
  platform varchar not null,
  item_id varchar not null,
  metric varchar not null,         -- canonical: likes, replies, shares, quotes, views, impressions, reach, saves, reactions
  metric_source varchar not null,  -- as the export spelled it
  value double not null,
  observed_at timestamptz not null,
  source_file_id integer not null
);

create table account_daily (
  platform varchar not null,
  account_id varchar not null,
  day date not null,
  followers bigint,
  follows_gained bigint,
  follows_lost bigint,
  impressions bigint,
  reach bigint,
  profile_visits bigint,
  engagements bigint,
  source_file_id integer not null,
  primary key (platform, account_id, day)
);

-- The latest counts of each item, one column per canonical metric.
create view item_counts_latest as
with ranked as (
  select *, row_number() over (
    partition by platform, item_id, metric order by observed_at desc, source_file_id desc) as rank
  from item_counts
)
select platform, item_id, metric, value, observed_at
from ranked
where rank = 1;

-- The staging views the merge-*.sql statements read, and a macro they share: the rows of a batch of files, or
-- of one chunk of a large file, as NDJSON files that ingest/stage.ts writes in the folder named by the
-- `ascolto_stage` variable. Every row names its file (`file`); a merge takes the rows of the files
-- stage_files lists, with their source_files id and export date. Created once per connection; read_parquet
-- and read_json resolve the folder each time a statement is planned.
create or replace temp view stage_items as
select * from read_json(getvariable('ascolto_stage') || '/items.ndjson', format = 'newline_delimited', columns = {
  seq: 'INTEGER', file: 'INTEGER', platform: 'VARCHAR', item_id: 'VARCHAR', account_id: 'VARCHAR', author_id: 'VARCHAR', created_at: 'VARCHAR',
  text: 'VARCHAR', lang_hint: 'VARCHAR', kind: 'VARCHAR', parent_id: 'VARCHAR', root_id: 'VARCHAR', url: 'VARCHAR',
  hashtags: 'VARCHAR', mentions: 'VARCHAR', media_count: 'INTEGER'
});
create or replace temp view stage_files as
select * replace (exported_at::timestamptz as exported_at, check_until::timestamptz as check_until)
from read_json(getvariable('ascolto_stage') || '/files.ndjson', format = 'newline_delimited', columns = {
  file: 'INTEGER', file_id: 'INTEGER', exported_at: 'VARCHAR', check_until: 'VARCHAR', recording: 'BOOLEAN', path: 'VARCHAR',
  sha256: 'VARCHAR', bytes: 'BIGINT', format: 'VARCHAR', rows_json: 'VARCHAR', skipped_json: 'VARCHAR'
});
create or replace temp view stage_item_raw as
select * from read_json(getvariable('ascolto_stage') || '/item_raw.ndjson', format = 'newline_delimited', columns = {
  seq: 'INTEGER', raw: 'VARCHAR'
});
create or replace temp view stage_counts as
select * from read_json(getvariable('ascolto_stage') || '/counts.ndjson', format = 'newline_delimited', columns = {
  seq: 'INTEGER', file: 'INTEGER', platform: 'VARCHAR', item_id: 'VARCHAR', metric: 'VARCHAR', metric_source: 'VARCHAR', value: 'DOUBLE'
});
create or replace temp view stage_authors as
select * from read_json(getvariable('ascolto_stage') || '/authors.ndjson', format = 'newline_delimited', columns = {
  seq: 'INTEGER', file: 'INTEGER', platform: 'VARCHAR', author_id: 'VARCHAR', handle: 'VARCHAR', name: 'VARCHAR', followers: 'BIGINT'
});
create or replace temp view stage_accounts as
select * from read_json(getvariable('ascolto_stage') || '/accounts.ndjson', format = 'newline_delimited', columns = {
  seq: 'INTEGER', file: 'INTEGER', platform: 'VARCHAR', account_id: 'VARCHAR', handle: 'VARCHAR', display_name: 'VARCHAR', followers: 'BIGINT'
});
create or replace temp view stage_account_daily as
select * from read_json(getvariable('ascolto_stage') || '/account_daily.ndjson', format = 'newline_delimited', columns = {
  seq: 'INTEGER', file: 'INTEGER', platform: 'VARCHAR', account_id: 'VARCHAR', day: 'VARCHAR', followers: 'BIGINT', follows_gained: 'BIGINT',
  follows_lost: 'BIGINT', impressions: 'BIGINT', reach: 'BIGINT', profile_visits: 'BIGINT', engagements: 'BIGINT'
});
-- The staged items the warehouse already holds (find-seen-items.sql writes them): their merged values, what
-- changed, the file that brings them, and the stored row's first and last file, so that the updates never read the wide columns of `items`.
copy (
  select null::varchar as platform, null::varchar as item_id, null::varchar as account_id, null::varchar as author_id,
    null::timestamptz as created_at, null::varchar as text, null::varchar as lang_hint, null::varchar as parent_id,
    null::varchar as root_id, null::varchar as url, null::integer as media_count, null::varchar[] as hashtags,
    null::varchar[] as mentions, null::integer as file_id, null::timestamptz as first_seen_at, null::timestamptz as last_seen_at,
    null::integer as stored_first_file_id, null::integer as stored_last_file_id, null::boolean as fields_changed,
    null::boolean as lists_changed
  where false
) to (getvariable('ascolto_stage') || '/seen.parquet') (format parquet);
create or replace temp view stage_seen_items as
select * from read_parquet(getvariable('ascolto_stage') || '/seen.parquet');
-- The merges' rule for a follower count (accounts, authors): the newest observation wins, whatever order files are
-- loaded in; on the same date, the larger; a stored count of unknown date gives way.
create or replace temp macro newest_count(new_count, new_at, old_count, old_at) as case
  when new_count is null then old_count
  when old_at is null or new_at > old_at then new_count
  when new_at = old_at then greatest(new_count, old_count)
  else old_count end;

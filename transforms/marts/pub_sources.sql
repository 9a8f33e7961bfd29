-- grain: one row per platform and export format: files loaded and rejected, rows, export dates; public
-- why not duplicates or ignored files: they count how often a file was offered, not the data, and would make
-- the same inbox loaded twice give another mart
with files as (
  select * from stg_source_files
),

file_platforms as (
  -- why: the ledger does not say which platform a file held; the rows it brought do (the most frequent wins)
  select source_file_id as file_id, arg_max(platform, n) as platform
  from (
    select source_file_id, platform, count(*) as n from stg_items group by all
    union all
    select source_file_id, platform, count(*) as n from stg_item_counts group by all
  )
  group by all
),

format_platforms as (
  -- why: a file that only brought account or author rows (followers lists, daily insights) takes its format's platform
  select f.format, arg_max(p.platform, p.file_id) as platform
  from files f
  join file_platforms p using (file_id)
  group by all
),

rows_per_file as (
  select
    file_id,
    coalesce(try_cast(json_extract(rows_json, '$.items') as integer), 0) as items,
    coalesce((select sum(try_cast(v as bigint)) from (select unnest(json_extract_string(rows_json, '$.*')) as v)), 0) as rows
  from files
  where rows_json is not null
),

final as (
  select
    -- why: a rejected or unrecognised file brought no rows, so its platform may be unknown
    coalesce(p.platform, fp.platform, 'unknown') as platform,
    coalesce(f.format, 'unknown') as format,
    count(*) filter (where f.status = 'loaded')::integer as files_loaded,
    count(*) filter (where f.status = 'rejected')::integer as files_rejected,
    coalesce(sum(f.bytes) filter (where f.status = 'loaded'), 0)::double as bytes_loaded,
    coalesce(sum(r.items) filter (where f.status = 'loaded'), 0)::integer as items,
    coalesce(sum(r.rows) filter (where f.status = 'loaded'), 0)::integer as rows,
    min(f.exported_on) filter (where f.status = 'loaded') as first_exported_on,
    max(f.exported_on) filter (where f.status = 'loaded') as last_exported_on
  from files f
  left join file_platforms p using (file_id)
  left join format_platforms fp using (format)
  left join rows_per_file r using (file_id)
  group by all
)

select * from final

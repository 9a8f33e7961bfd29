-- grain: one row per platform, export format, canonical metric and the export's own name for it (metric_source); public
with counts as (
  select * from stg_item_counts
),

files as (
  select file_id, format from stg_source_files
),

items as (
  select platform, item_id, created_on from int_item_base
),

observed as (
  -- why: one row per source and item first: the join to items and the distinct count then read a row per item,
  -- not per snapshot, and the local dates are taken of a handful of extremes (each goes through ICU's calendar)
  select
    c.platform,
    coalesce(f.format, 'unknown') as format,
    c.metric,
    c.metric_source,
    c.item_id,
    min(c.observed_at) as first_observed_at,
    max(c.observed_at) as last_observed_at
  from counts c
  left join files f on f.file_id = c.source_file_id
  group by all
),

sources as (
  select
    platform, format, metric, metric_source,
    -- why: Meta's 2025 "views" replaced "impressions": the two are one series whose definition changed
    case when metric in ('impressions', 'views') then 'impressions_views' else metric end as series,
    (min(o.first_observed_at) at time zone 'Europe/Rome')::date as first_observed_on,
    (max(o.last_observed_at) at time zone 'Europe/Rome')::date as last_observed_on,
    min(i.created_on) as first_item_on,
    max(i.created_on) as last_item_on,
    count(*)::integer as items
  from observed o
  left join items i using (platform, item_id)
  group by all
),

successions as (
  -- why: a name that first appears after another name of the same series, in the same export format, was last seen
  -- is a rename by the platform; names seen side by side come from different exports and change nothing
  select
    s.platform, s.format, s.metric, s.metric_source,
    arg_max(p.metric, p.last_observed_on) as previous_metric,
    arg_max(p.metric_source, p.last_observed_on) as previous_source
  from sources s
  join sources p on p.platform = s.platform and p.format = s.format and p.series = s.series
    and p.last_observed_on < s.first_observed_on
  group by all
),

final as (
  select
    s.platform, s.format, s.metric, s.metric_source,
    s.first_observed_on, s.last_observed_on, s.first_item_on, s.last_item_on, s.items,
    x.previous_metric, x.previous_source
  from sources s
  left join successions x using (platform, format, metric, metric_source)
)

select * from final

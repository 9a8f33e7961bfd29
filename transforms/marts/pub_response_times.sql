-- grain: one row per entity, platform ("all" = every channel), month, weekday, hour (Europe/Rome) of the request and response band; public
with requests as (
  select * from int_requests
),

banded as (
  select
    entity_id,
    platform,
    month_start,
    isodow(created_at at time zone 'Europe/Rome')::integer as weekday,
    hour(created_at at time zone 'Europe/Rome')::integer as hour,
    author_key,
    -- why: the wall-clock time to first response of int_requests (metrics.md#response_time), in the bands a reader
    -- compares: within the hour, the morning, the day, three days, longer; unanswered as a band of its own
    case
      when not is_answered then 'unanswered'
      when response_seconds < 3600 then 'lt_1h'
      when response_seconds < 4 * 3600 then '1h_4h'
      when response_seconds < 24 * 3600 then '4h_24h'
      when response_seconds < 72 * 3600 then '1d_3d'
      else 'gt_3d'
    end as band
  from requests
),

channels as (
  -- why: every channel together is a row of its own, so that a cell too small on each channel can still be published
  select * from banded
  union all
  select * replace ('all' as platform) from banded
),

cells as (
  -- why: weekday 0 and hour -1 stand for the whole month (the distribution by channel); grain keys stay not null
  select entity_id, platform, month_start, weekday, hour, band, author_key from channels
  union all
  select entity_id, platform, month_start, 0 as weekday, -1 as hour, band, author_key from channels
),

counted as (
  select entity_id, platform, month_start, weekday, hour, band, count(*)::integer as requests
  from cells
  group by all
),

cell_requesters as (
  -- why: the privacy threshold applies to the cell (entity, channel, month, weekday, hour); its bands are sub-counts
  select entity_id, platform, month_start, weekday, hour, count(distinct author_key) as requesters
  from cells
  group by all
),

bands as (
  select * from (values ('lt_1h', 1, 0.0, 1.0), ('1h_4h', 2, 1.0, 4.0), ('4h_24h', 3, 4.0, 24.0), ('1d_3d', 4, 24.0, 72.0),
    ('gt_3d', 5, 72.0, null), ('unanswered', 6, null, null)) b(band, band_order, band_min_hours, band_max_hours)
),

final as (
  select
    c.entity_id,
    c.platform,
    c.month_start,
    c.weekday,
    c.hour,
    c.band,
    b.band_order::integer as band_order,
    b.band_min_hours::double as band_min_hours,
    b.band_max_hours::double as band_max_hours,
    c.band <> 'unanswered' as is_answered,
    c.requests
  from counted c
  join cell_requesters r using (entity_id, platform, month_start, weekday, hour)
  join bands b using (band)
  -- why: public figures only describe groups of at least k distinct citizens (privacy)
  where r.requesters >= privacy_k()
)

select * from final

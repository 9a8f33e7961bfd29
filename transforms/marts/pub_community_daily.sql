-- grain: one row per entity, platform and day (Europe/Rome): daily and 28-day rolling active members; public
with author_days as (
  select * from int_author_days
),

clock as (
  select * from int_clock
),

ordered as (
  select entity_id, platform, author_key, day,
    lag(day) over (partition by entity_id, platform, author_key order by day) as previous_day
  from author_days
),

islands as (
  select *,
    -- why: each active day covers the 28 days [day, day + 27]; a day more than 28 after the previous starts a new interval
    sum(case when previous_day is null or day > previous_day + 28 then 1 else 0 end)
      over (partition by entity_id, platform, author_key order by day) as island
  from ordered
),

merged as (
  -- merged intervals, so each member is counted once per day without a range join
  select entity_id, platform, author_key, min(day) as start_on, max(day) + 27 as end_on
  from islands
  group by entity_id, platform, author_key, island
),

events as (
  select entity_id, platform, start_on as day, 1 as delta from merged
  union all
  select entity_id, platform, end_on + 1, -1 from merged
),

spine as (
  select entity_id, platform, unnest(generate_series(min(day), any_value(c.as_of_on), interval 1 day))::date as day
  from author_days
  cross join clock c
  group by entity_id, platform
),

daily as (
  select entity_id, platform, day, count(*)::integer as daily_active
  from author_days
  group by all
),

rolled as (
  select
    s.entity_id, s.platform, s.day,
    coalesce(d.daily_active, 0)::integer as daily_active,
    sum(coalesce(e.delta, 0)) over (partition by s.entity_id, s.platform order by s.day)::integer as active_28d
  from spine s
  left join (select entity_id, platform, day, sum(delta) as delta from events group by all) e using (entity_id, platform, day)
  left join daily d using (entity_id, platform, day)
),

final as (
  select * from rolled
  -- why: public figures only describe groups of at least k distinct authors (privacy)
  where active_28d >= privacy_k()
)

select * from final

-- grain: one row per entity and monitoring interval (open hours of one day), from the first day of data to the warehouse's "now"
with clock as (
  select * from int_clock
),

entities as (
  select * from stg_entities
),

hours as (
  select * from cfg_hours
),

holidays as (
  select * from cfg_holidays
),

days as (
  select unnest(generate_series(first_on, as_of_on + 1, interval 1 day))::date as day from clock
),

entity_hours as (
  select e.entity_id, h.isodow, h.open_time, h.close_time
  from entities e
  join hours h on h.entity_id = e.entity_id
  union all
  select e.entity_id, h.isodow, h.open_time, h.close_time
  from entities e
  join hours h on h.entity_id = '*'
  -- why: an entity without hours of its own is watched during the default ("*") hours
  where not exists (select 1 from hours own where own.entity_id = e.entity_id)
),

intervals as (
  select
    eh.entity_id,
    d.day,
    -- why: hours are wall-clock times in Rome; converting each day separately keeps 9–13 right across DST changes
    (d.day + eh.open_time) at time zone 'Europe/Rome' as open_at,
    (d.day + eh.close_time) at time zone 'Europe/Rome' as close_at
  from days d
  join entity_hours eh on eh.isodow = isodow(d.day)
  -- why: national holidays (Easter Monday included) and the entity's own (patron saint) are closed days
  where not exists (
    select 1 from holidays h where h.day = d.day and (h.entity_id is null or h.entity_id = eh.entity_id))
),

final as (
  select
    entity_id,
    day,
    open_at,
    close_at,
    seconds_between(open_at, close_at)::double as open_seconds,
    coalesce(sum(seconds_between(open_at, close_at)) over (
      partition by entity_id order by open_at rows between unbounded preceding and 1 preceding), 0)::double as open_seconds_before
  from intervals
)

select * from final

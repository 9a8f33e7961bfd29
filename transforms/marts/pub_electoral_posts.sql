-- grain: one row per electoral period, entity and platform with own posts inside the period; public counts
with posts as (
  select * from mart_electoral_posts
),

periods as (
  select * from cfg_electoral_periods
),

final as (
  select
    o.period_id, any_value(p.name) as period_name, any_value(p.start_on) as start_on, any_value(p.end_on) as end_on,
    o.entity_id, o.platform, count(*)::integer as posts, coalesce(sum(o.interactions), 0)::double as interactions
  from posts o
  join periods p using (period_id)
  group by o.period_id, o.entity_id, o.platform
)

select * from final

-- grain: one row per configured electoral (par condicio) period; public
with periods as (
  select * from cfg_electoral_periods
),

final as (
  -- why: an empty list of entities means the period applies to every entity
  select period_id, name as period_name, start_on, end_on, entity_ids from periods
)

select * from final

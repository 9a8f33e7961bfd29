-- grain: one row per electoral period and own post published inside it; internal list (par condicio review)
with periods as (
  select * from cfg_electoral_periods
),

posts as (
  -- why: par condicio concerns the institution's own communication
  select * from int_items where is_own_post and entity_id is not null
),

final as (
  select
    p.period_id, o.entity_id, o.platform, o.item_id, o.url, o.created_at, o.created_on,
    left(o.text, 280) as excerpt,
    o.interactions::double as interactions
  from periods p
  join posts o
    on o.created_on between p.start_on and p.end_on
    -- why: a period with no entity listed binds every entity (national elections)
    and (len(p.entity_ids) = 0 or list_contains(p.entity_ids, o.entity_id))
)

select * from final

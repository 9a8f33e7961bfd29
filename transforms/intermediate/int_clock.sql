-- grain: one row: the warehouse's "now", the latest item time, so results never depend on the run's clock
with items as (
  select * from int_item_base
),

final as (
  select
    max(created_at) as as_of_at,
    (max(created_at) at time zone 'Europe/Rome')::date as as_of_on,
    min(created_on) as first_on
  from items
)

select * from final

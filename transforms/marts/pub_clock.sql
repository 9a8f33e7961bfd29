-- grain: one row: the data's latest day (the dashboards' "now") and its first day; public
with clock as (
  select * from int_clock
),

final as (
  select as_of_on, first_on from clock
)

select * from final

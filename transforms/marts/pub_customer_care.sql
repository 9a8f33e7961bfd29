-- grain: one row per entity, platform and month (Europe/Rome) of the request; public
with care as (
  select * from mart_customer_care
),

final as (
  select * exclude (requesters)
  from care
  -- why: public figures only describe groups of at least k distinct citizens (privacy)
  where requesters >= privacy_k()
)

select * from final

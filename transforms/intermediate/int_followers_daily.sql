-- grain: one row per owned account and day with account metrics, tagged with the owning entity
with daily as (
  select * from stg_account_daily
),

owned as (
  select platform, account_id, entity_id from int_owned_accounts where account_id is not null
),

final as (
  select o.entity_id, d.*
  from daily d
  join owned o on o.platform = d.platform and o.account_id = d.account_id
)

select * from final

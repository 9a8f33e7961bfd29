-- grain: one row per platform and account id or handle the registry's entities own
with accounts as (
  -- why: accounts known only by name (insights exports without an id) are tied to entities at ingest (ingest/sql/link-registry.sql)
  select * from stg_accounts
),

entity_accounts as (
  select * from stg_entity_accounts
),

by_account as (
  select platform, account_id, null::varchar as handle, entity_id from accounts
  -- why: accounts outside the registry belong to no entity
  where entity_id is not null
  union all
  select platform, account_id, null, entity_id from entity_accounts where account_id is not null
),

by_handle as (
  select platform, null::varchar as account_id, handle, entity_id from accounts
  where entity_id is not null and handle is not null
  union all
  select platform, null, handle, entity_id from entity_accounts where handle is not null
),

final as (
  -- why: one owner per account; min() keeps the choice stable when two entities list the same one
  select platform, account_id, handle, min(entity_id) as entity_id
  from (select * from by_account union all select * from by_handle)
  group by platform, account_id, handle
)

select * from final

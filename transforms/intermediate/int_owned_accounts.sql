-- grain: one row per platform and account id or handle the registry's entities own
with accounts as (
  select * from stg_accounts
),

entity_accounts as (
  select * from stg_entity_accounts
),

entities as (
  select * from stg_entities
),

by_account as (
  select platform, account_id, null::varchar as handle, entity_id from accounts
  -- why: accounts outside the registry belong to no entity
  where entity_id is not null
  union all
  select platform, account_id, null, entity_id from entity_accounts where account_id is not null
),

by_name as (
  -- why: page insights exports name the page but give neither id nor handle; the entity's own name, on a
  -- platform where the registry lists an account of that entity, identifies it
  select a.platform, a.account_id, null::varchar as handle, e.entity_id
  from accounts a
  join entities e on lower(a.display_name) = lower(e.name)
  where a.entity_id is null
    and exists (select 1 from entity_accounts ea where ea.entity_id = e.entity_id and ea.platform = a.platform)
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
  from (select * from by_account union all select * from by_name union all select * from by_handle)
  group by platform, account_id, handle
)

select * from final

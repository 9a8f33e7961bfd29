-- grain: one row per entity and platform (every channel the registry lists, with data or not): how current its data is; public
-- why the warehouse's as-of date (int_clock, = pub_clock.as_of_on) and not today: the mart depends on the data only,
-- so the same files give the same mart whenever and in whatever order they are loaded
with items as (
  -- why: int_item_base places each item on its entity (channel or mention); staging keeps when exports last carried it
  select b.entity_id, b.platform, b.created_on, s.last_seen_at
  from int_item_base b
  join stg_items s using (platform, item_id)
),

accounts as (
  select * from stg_accounts
),

account_daily as (
  select * from stg_account_daily
),

owned as (
  select * from int_owned_accounts
),

clock as (
  select as_of_on from int_clock
),

owned_ids as (
  select platform, account_id, min(entity_id) as entity_id from owned where account_id is not null group by all
),

channels as (
  -- why: a channel the registry lists but no export has brought yet is the staleness this mart exists to show
  select distinct entity_id, platform from owned
),

item_days as (
  select
    i.entity_id,
    i.platform,
    max(i.created_on) as newest_item_on,
    -- why: last_seen_at is the newest export date of the files that carried the item (the greatest, whatever the load order)
    max((i.last_seen_at at time zone 'Europe/Rome')::date) as newest_export_on,
    -- why: the 30 days ending on the as-of date, that day included
    count(*) filter (where i.created_on > c.as_of_on - 30)::integer as items_last_30_days
  from items i, clock c
  where i.entity_id is not null
  group by all
),

account_exports as (
  -- why: insights exports bring account rows and daily metrics but no items; the account's newest export covers them
  select coalesce(o.entity_id, a.entity_id) as entity_id, a.platform, max((a.last_seen_at at time zone 'Europe/Rome')::date) as newest_export_on
  from accounts a
  left join owned_ids o on o.platform = a.platform and o.account_id = a.account_id
  where coalesce(o.entity_id, a.entity_id) is not null
  group by all
),

daily_days as (
  select o.entity_id, d.platform, max(d.day) as newest_daily_on
  from account_daily d
  join owned_ids o on o.platform = d.platform and o.account_id = d.account_id
  group by all
),

pairs as (
  select entity_id, platform from channels
  union
  select entity_id, platform from item_days
  union
  select entity_id, platform from account_exports
  union
  select entity_id, platform from daily_days
),

final as (
  select
    p.entity_id,
    p.platform,
    i.newest_item_on,
    greatest(i.newest_export_on, x.newest_export_on) as newest_export_on,
    d.newest_daily_on,
    c.as_of_on,
    (c.as_of_on - i.newest_item_on)::integer as days_since_newest_item,
    coalesce(i.items_last_30_days, 0)::integer as items_last_30_days
  from pairs p
  cross join clock c
  left join item_days i using (entity_id, platform)
  left join account_exports x using (entity_id, platform)
  left join daily_days d using (entity_id, platform)
)

select * from final

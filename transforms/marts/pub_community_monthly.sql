-- grain: one row per entity, platform and month (Europe/Rome); public
with author_days as (
  select * from int_author_days
),

items as (
  -- why: communities are the entities'; items addressed to no entity belong to none
  select * from int_items where entity_id is not null
),

clock as (
  select * from int_clock
),

member_months as (
  select entity_id, platform, date_trunc('month', day)::date as month_start, author_key,
    sum(items)::integer as items
  from author_days
  group by all
),

first_months as (
  select entity_id, platform, author_key, min(month_start) as first_month
  from member_months
  group by all
),

members as (
  select
    m.*,
    m.month_start = f.first_month as is_new,
    p.author_key is not null as was_active_previous_month,
    row_number() over (partition by m.entity_id, m.platform, m.month_start order by m.items desc, m.author_key) as items_rank,
    count(*) over (partition by m.entity_id, m.platform, m.month_start) as month_members
  from member_months m
  join first_months f using (entity_id, platform, author_key)
  left join member_months p
    on p.entity_id = m.entity_id and p.platform = m.platform and p.author_key = m.author_key
    and p.month_start = m.month_start - interval 1 month
),

monthly as (
  select
    entity_id, platform, month_start,
    count(*)::integer as active_members,
    count(*) filter (where is_new)::integer as new_members,
    count(*) filter (where not is_new)::integer as returning_members,
    count(*) filter (where was_active_previous_month)::integer as retained_members,
    sum(items)::integer as member_items,
    -- why: the top 1% of members, rounded up so that even a small community has a top member
    sum(items) filter (where items_rank <= ceil(month_members * 0.01))::integer as top1_items
  from members
  group by all
),

previous as (
  select entity_id, platform, month_start + interval 1 month as month_start, active_members as previous_active_members
  from monthly
),

daily as (
  select entity_id, platform, date_trunc('month', day)::date as month_start, sum(daily_active)::integer as member_days
  from (select entity_id, platform, day, count(*) as daily_active from author_days group by all)
  group by all
),

threads as (
  select entity_id, platform, month_start, platform || ':' || root_id as thread_key
  from items
  -- why: threads where citizens wrote; an item with no known thread cannot be placed in one
  where not is_own and author_key is not null and root_id is not null
  group by all
),

own_in_threads as (
  -- why: the organisation takes part when it writes in the thread; publishing the post that opened it is not taking part
  select distinct platform || ':' || root_id as thread_key
  from items
  where is_own and root_id is not null and item_id <> root_id
),

thread_counts as (
  select t.entity_id, t.platform, t.month_start, count(*)::integer as threads,
    count(o.thread_key)::integer as two_way_threads
  from threads t
  left join own_in_threads o using (thread_key)
  group by all
),

answers as (
  select entity_id, platform, month_start,
    count(*)::integer as member_answers,
    count(*) filter (where not parent_is_own and parent_author_key is distinct from author_key)::integer as citizen_to_citizen
  from items
  -- why: only answers whose parent is in the warehouse can be told apart (to the organisation or to another citizen)
  where not is_own and author_key is not null and has_parent_item
  group by all
),

measures as (
  select
    m.entity_id, m.platform, m.month_start, m.active_members, m.new_members, m.returning_members, m.retained_members,
    p.previous_active_members,
    ratio(m.retained_members, p.previous_active_members) as pct_retained,
    -- why: the month running at the warehouse's latest date has only its elapsed days
    ratio(d.member_days, case when m.month_start = date_trunc('month', c.as_of_on)::date
      then datediff('day', m.month_start, c.as_of_on) + 1 else day(last_day(m.month_start)) end) as mean_daily_active,
    coalesce(t.threads, 0)::integer as threads,
    coalesce(t.two_way_threads, 0)::integer as two_way_threads,
    coalesce(a.member_answers, 0)::integer as member_answers,
    coalesce(a.citizen_to_citizen, 0)::integer as citizen_to_citizen,
    m.member_items,
    ratio(m.top1_items, m.member_items) as pct_top1_items
  from monthly m
  left join previous p using (entity_id, platform, month_start)
  left join daily d using (entity_id, platform, month_start)
  left join thread_counts t using (entity_id, platform, month_start)
  left join answers a using (entity_id, platform, month_start)
  cross join clock c
),

components as (
  select
    *,
    ratio(mean_daily_active, active_members) as stickiness,
    ratio(two_way_threads, threads) as pct_two_way,
    ratio(citizen_to_citizen, member_answers) as pct_citizen_to_citizen
  from measures
),

final as (
  select
    entity_id, platform, month_start, active_members, new_members, returning_members, retained_members,
    previous_active_members, pct_retained,
    wilson_low(retained_members, previous_active_members) as pct_retained_low,
    wilson_high(retained_members, previous_active_members) as pct_retained_high,
    mean_daily_active, stickiness, threads, two_way_threads, pct_two_way,
    wilson_low(two_way_threads, threads) as pct_two_way_low,
    wilson_high(two_way_threads, threads) as pct_two_way_high,
    member_answers, citizen_to_citizen, pct_citizen_to_citizen,
    wilson_low(citizen_to_citizen, member_answers) as pct_citizen_to_citizen_low,
    wilson_high(citizen_to_citizen, member_answers) as pct_citizen_to_citizen_high,
    member_items, pct_top1_items,
    is_small_n(active_members) as is_small_n,
    -- community health index, 0–100: weighted mean of the components that exist (weights in metrics.md#community_health_index)
    100 * (0.25 * coalesce(pct_retained, 0) + 0.25 * coalesce(pct_two_way, 0) + 0.15 * coalesce(pct_citizen_to_citizen, 0)
      + 0.15 * coalesce(least(stickiness / 0.2, 1), 0) + 0.20 * coalesce(1 - pct_top1_items, 0))
      / nullif(0.25 * (pct_retained is not null)::integer + 0.25 * (pct_two_way is not null)::integer
      + 0.15 * (pct_citizen_to_citizen is not null)::integer + 0.15 * (stickiness is not null)::integer
      + 0.20 * (pct_top1_items is not null)::integer, 0) as community_health_index
  from components
  -- why: public figures only describe groups of at least k distinct authors (privacy)
  where active_members >= privacy_k()
)

select * from final

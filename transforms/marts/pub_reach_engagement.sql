-- grain: one row per entity, platform, period (day, week, month) and period start (Europe/Rome); public
with posts as (
  select * from pub_own_posts
),

daily as (
  select * from int_followers_daily
),

owned as (
  select o.entity_id, o.platform, o.account_id, a.followers as latest_followers
  from int_owned_accounts o
  left join stg_accounts a on a.platform = o.platform and a.account_id = o.account_id
  where o.account_id is not null
),

periods as (
  select unnest(['day', 'week', 'month']) as period
),

post_periods as (
  select
    pr.period,
    -- why: 'week' truncates to the ISO week's Monday
    date_trunc(pr.period, p.created_on)::date as period_start,
    p.*
  from posts p
  cross join periods pr
),

daily_periods as (
  select
    pr.period,
    date_trunc(pr.period, d.day)::date as period_start,
    d.*
  from daily d
  cross join periods pr
),

post_totals as (
  select
    entity_id, platform, period, period_start,
    count(*)::integer as posts,
    sum(likes)::double as likes,
    sum(comments)::double as comments,
    sum(shares)::double as shares,
    sum(interactions)::double as interactions,
    sum(impressions)::double as post_impressions,
    count(reach)::integer as posts_with_reach,
    sum(reach)::double as post_reach,
    sum(interactions) filter (where reach is not null)::double as interactions_with_reach
  from post_periods
  group by all
),

account_totals as (
  select
    entity_id, platform, period, period_start,
    sum(impressions)::double as account_impressions,
    -- why: daily reach counts a person once a day; summed over a period it is an upper bound of unique reach
    sum(reach)::double as account_reach_daily_sum,
    sum(engagements)::double as account_engagements,
    sum(follows_gained)::bigint as follows_gained,
    sum(follows_lost)::bigint as follows_lost
  from daily_periods
  group by all
),

keys as (
  select entity_id, platform, period, period_start from post_totals
  union
  select entity_id, platform, period, period_start from account_totals
),

key_accounts as (
  select
    k.*,
    case k.period when 'day' then k.period_start when 'week' then k.period_start + 6
      else (k.period_start + interval 1 month - interval 1 day)::date end as period_end,
    o.account_id,
    o.latest_followers,
    exists (select 1 from daily d where d.platform = o.platform and d.account_id = o.account_id and d.followers is not null) as has_daily
  from keys k
  join owned o on o.entity_id = k.entity_id and o.platform = k.platform
),

at_end as (
  select ka.*, f.followers as end_followers
  from key_accounts ka
  asof left join (select * from daily where followers is not null) f
    on f.platform = ka.platform and f.account_id = ka.account_id and ka.period_end >= f.day
),

at_start as (
  select ka.entity_id, ka.platform, ka.period, ka.period_start, ka.account_id, f.followers as start_followers
  from key_accounts ka
  asof left join (select * from daily where followers is not null) f
    on f.platform = ka.platform and f.account_id = ka.account_id and ka.period_start > f.day
),

followers as (
  select
    e.entity_id, e.platform, e.period, e.period_start,
    -- why: an account with no daily series only has its latest count; used, and flagged, rather than dropped
    sum(coalesce(e.end_followers, case when not e.has_daily then e.latest_followers end))::bigint as followers,
    bool_or(not e.has_daily and e.latest_followers is not null) as is_followers_latest,
    sum(e.end_followers - s.start_followers)::bigint as follower_growth
  from at_end e
  join at_start s using (entity_id, platform, period, period_start, account_id)
  group by all
),

final as (
  select
    k.entity_id, k.platform, k.period, k.period_start,
    coalesce(p.posts, 0)::integer as posts,
    coalesce(p.likes, 0)::double as likes,
    coalesce(p.comments, 0)::double as comments,
    coalesce(p.shares, 0)::double as shares,
    coalesce(p.interactions, 0)::double as interactions,
    ratio(p.interactions, p.posts) as interactions_per_post,
    f.followers,
    coalesce(f.is_followers_latest, false) as is_followers_latest,
    f.follower_growth,
    ratio(p.interactions, p.posts * f.followers) as engagement_rate_followers,
    p.post_impressions,
    p.post_reach,
    coalesce(p.posts_with_reach, 0)::integer as posts_with_reach,
    ratio(p.interactions_with_reach, p.post_reach) as engagement_rate_reach,
    a.account_impressions,
    a.account_reach_daily_sum,
    a.account_engagements,
    a.follows_gained,
    a.follows_lost
  from keys k
  left join post_totals p using (entity_id, platform, period, period_start)
  left join account_totals a using (entity_id, platform, period, period_start)
  left join followers f using (entity_id, platform, period, period_start)
)

select * from final

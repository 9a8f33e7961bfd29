-- grain: one row per entity and indicator over the 365 days up to the warehouse's latest date, beside its size class median; public
with entities as (
  select * from stg_entities
),

clock as (
  select as_of_on - 364 as window_start, as_of_on as window_end from int_clock
),

posts as (
  select p.* from pub_own_posts p, clock c
  -- why: the last 365 days compare entities on a common, recent footing whatever history each export holds
  where p.created_on between c.window_start and c.window_end
),

requests as (
  -- why: the same 365-day window as the posts
  select r.* from int_requests r, clock c where r.created_on between c.window_start and c.window_end
),

community as (
  -- why: the months touching the 365-day window
  select m.* from pub_community_monthly m, clock c where m.month_start between date_trunc('month', c.window_start) and c.window_end
),

regularity as (
  select * from pub_publishing_regularity
),

latest_followers as (
  select o.entity_id, sum(coalesce(f.followers, a.followers))::bigint as followers
  from int_owned_accounts o
  left join stg_accounts a on a.platform = o.platform and a.account_id = o.account_id
  left join (select platform, account_id, arg_max(followers, day) as followers
             from int_followers_daily where followers is not null group by all) f
    on f.platform = o.platform and f.account_id = o.account_id
  where o.account_id is not null
  group by o.entity_id
),

post_totals as (
  select entity_id, count(*)::integer as posts, sum(interactions)::double as interactions
  from posts
  group by all
),

care as (
  select entity_id,
    ratio(count(*) filter (where is_answered), count(*)) as pct_answered,
    quantile_cont(response_open_seconds / 3600, 0.5) as median_response_open_hours
  from requests
  group by all
  -- why: public figures only describe groups of at least k distinct citizens (privacy)
  having count(distinct author_key) >= privacy_k()
),

health as (
  select entity_id, quantile_cont(community_health_index, 0.5) as community_health_index
  from community
  group by all
),

regular as (
  select entity_id, sum(regularity_score * posts) / nullif(sum(posts), 0) as regularity_score
  from regularity
  group by all
),

values as (
  select
    e.entity_id, e.size_class, e.population,
    f.followers::double as followers,
    100 * ratio(f.followers, e.population) as followers_per_100_inhabitants,
    coalesce(p.posts, 0) / (365 / 7) as posts_per_week,
    ratio(p.interactions, p.posts) as interactions_per_post,
    1000 * ratio(p.interactions, e.population) as interactions_per_1000_inhabitants,
    ratio(p.interactions, p.posts * f.followers) as engagement_rate_followers,
    c.pct_answered,
    c.median_response_open_hours,
    h.community_health_index,
    r.regularity_score
  from entities e
  left join latest_followers f using (entity_id)
  left join post_totals p using (entity_id)
  left join care c using (entity_id)
  left join health h using (entity_id)
  left join regular r using (entity_id)
),

long as (
  unpivot values
  on followers, followers_per_100_inhabitants, posts_per_week, interactions_per_post, interactions_per_1000_inhabitants,
    engagement_rate_followers, pct_answered, median_response_open_hours, community_health_index, regularity_score
  into name indicator_id value value
),

final as (
  select
    l.entity_id, l.indicator_id, l.value::double as value, l.size_class, l.population,
    quantile_cont(l.value, 0.5) over (partition by l.size_class, l.indicator_id)::double as class_median,
    count(l.value) over (partition by l.size_class, l.indicator_id)::integer as class_entities,
    c.window_start, c.window_end
  from long l
  cross join clock c
)

select * from final

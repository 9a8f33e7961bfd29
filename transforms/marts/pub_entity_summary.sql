-- grain: one row per entity over the benchmark's window (365 days up to the warehouse's latest date): its headline figures; public
with entities as (
  select * from stg_entities
),

clock as (
  -- why: the benchmark's 365 days; a warehouse with less history starts at its first day, so the window says what it covers
  select greatest(as_of_on - 364, first_on) as window_start, as_of_on as window_end from int_clock
),

posts as (
  -- why: the benchmark's window, so that these figures read beside pub_benchmark's
  select p.* from pub_own_posts p, clock c where p.created_on between c.window_start and c.window_end
),

items as (
  select i.* from int_items i, clock c
  -- why: citizens' items on or to an entity, in the window
  where i.created_on between c.window_start and c.window_end and not i.is_own and i.entity_id is not null
    and i.author_key is not null
),

requests as (
  select r.* from int_requests r, clock c where r.created_on between c.window_start and c.window_end
),

benchmark as (
  select * from pub_benchmark
),

campaigns as (
  select * from pub_campaigns
),

post_counts as (
  select entity_id, count(*)::integer as posts from posts group by entity_id
),

citizens as (
  select
    entity_id,
    count(distinct author_key)::integer as citizen_authors,
    -- why: comments and replies; a citizen's own post tagging the entity is not a comment on its channels
    count(*) filter (where kind in ('comment', 'reply'))::integer as citizen_comments,
    -- why: the items pub_sentiment scores (see metrics.md#net_sentiment), over the whole window
    count(*) filter (where sentiment_label = 'positive')::integer as positive,
    count(*) filter (where sentiment_label = 'negative')::integer as negative
  from items
  group by entity_id
),

care as (
  select
    entity_id,
    count(*)::integer as requests,
    count(distinct author_key)::integer as requesters,
    count(*) filter (where is_answered)::integer as answered,
    quantile_cont(response_seconds / 3600, 0.5)::double as median_response_hours,
    quantile_cont(response_open_seconds / 3600, 0.5)::double as median_response_open_hours
  from requests
  group by entity_id
),

indicators as (
  select
    entity_id,
    max(value) filter (where indicator_id = 'followers_per_100_inhabitants') as followers_per_100_inhabitants,
    max(value) filter (where indicator_id = 'community_health_index') as community_health_index
  from benchmark
  group by entity_id
),

campaign_tails as (
  select entity_id, ratio(sum(interactions_after_end), sum(interactions)) as pct_campaign_interactions_after_end
  from campaigns
  -- why: a campaign without an entity is listened to everywhere; it is no one entity's
  where entity_id is not null
  group by entity_id
),

final as (
  select
    e.entity_id,
    e.name as entity_name,
    e.population,
    k.window_start,
    k.window_end,
    coalesce(p.posts, 0)::integer as posts,
    -- why: public figures about citizens only describe groups of at least k distinct authors (privacy)
    case when n.citizen_authors >= privacy_k() then n.citizen_comments end::integer as citizen_comments,
    case when c.requesters >= privacy_k() then c.requests end::integer as requests,
    case when c.requesters >= privacy_k() then c.answered end::integer as answered,
    case when c.requesters >= privacy_k() then ratio(c.answered, c.requests) end as pct_answered,
    case when c.requesters >= privacy_k() then wilson_low(c.answered, c.requests) end as pct_answered_low,
    case when c.requesters >= privacy_k() then wilson_high(c.answered, c.requests) end as pct_answered_high,
    case when c.requesters >= privacy_k() then c.median_response_hours end as median_response_hours,
    case when c.requesters >= privacy_k() then c.median_response_open_hours end as median_response_open_hours,
    case when n.citizen_authors >= privacy_k() then net_sentiment(n.positive, n.negative) end::double as net_sentiment,
    i.followers_per_100_inhabitants::double as followers_per_100_inhabitants,
    i.community_health_index::double as community_health_index,
    t.pct_campaign_interactions_after_end::double as pct_campaign_interactions_after_end
  from entities e
  cross join clock k
  left join post_counts p using (entity_id)
  left join citizens n using (entity_id)
  left join care c using (entity_id)
  left join indicators i using (entity_id)
  left join campaign_tails t using (entity_id)
)

select * from final

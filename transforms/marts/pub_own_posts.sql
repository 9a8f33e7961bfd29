-- grain: one row per own post (the organisation's content, public by nature): counters, engagement rates, decay
with posts as (
  select * from int_items
  -- why: an own account posting on a channel outside the registry has no entity to report it under
  where is_own_post and entity_id is not null
),

followers_daily as (
  select platform, account_id, day, followers from int_followers_daily where followers is not null
),

entity_followers_daily as (
  -- why: an insights export may name the page differently from the feed that carries its posts; both are the entity's
  select entity_id, platform, day, sum(followers) as followers from followers_daily
  join (select platform, account_id, entity_id from int_followers_daily group by all) using (platform, account_id)
  group by all
),

accounts as (
  select * from stg_accounts
),

decay as (
  select * from int_post_decay
),

with_followers as (
  select
    p.*,
    -- why: the audience a post met is the followers on its day (the channel's, else the entity's on the
    -- platform); without a daily series, the latest count known
    coalesce(f.followers, ef.followers, a.followers) as followers_at_post,
    f.followers is null and ef.followers is null and a.followers is not null as is_followers_latest
  from posts p
  asof left join followers_daily f on f.platform = p.platform and f.account_id = p.account_id and p.created_on >= f.day
  asof left join entity_followers_daily ef on ef.entity_id = p.entity_id and ef.platform = p.platform and p.created_on >= ef.day
  left join accounts a on a.platform = p.platform and a.account_id = p.account_id
),

final as (
  select
    w.entity_id,
    w.platform,
    w.account_id,
    w.item_id,
    w.url,
    w.kind,
    w.created_at,
    w.created_on,
    w.likes_total::double as likes,
    w.comments_total::double as comments,
    w.shares_total::double as shares,
    w.interactions::double as interactions,
    w.views::double as views,
    w.impressions::double as impressions,
    w.reach::double as reach,
    w.followers_at_post::bigint as followers_at_post,
    coalesce(w.is_followers_latest, false) as is_followers_latest,
    ratio(w.interactions, w.followers_at_post) as engagement_rate_followers,
    ratio(w.interactions, w.reach) as engagement_rate_reach,
    coalesce(d.snapshots, 0)::integer as snapshots,
    d.half_life_hours
  from with_followers w
  left join decay d on d.platform = w.platform and d.item_id = w.item_id
)

select * from final

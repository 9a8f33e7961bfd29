-- grain: one row per configured campaign; public
with campaigns as (
  select * from cfg_campaigns
),

matched as (
  select * from int_campaign_items
),

authors as (
  -- why: potential reach counts each author's audience once
  select campaign_id, author_key, max(author_followers) as followers
  from matched
  -- why: an unknown (deleted) author has no audience to count
  where author_key is not null
  group by all
),

totals as (
  select
    campaign_id,
    count(*)::integer as items,
    count(*) filter (where is_own_post)::integer as own_posts,
    count(distinct created_on)::integer as active_days,
    coalesce(sum(interactions), 0)::double as interactions,
    coalesce(sum(interactions) filter (where is_after_end), 0)::double as interactions_after_end,
    count(*) filter (where is_after_end)::integer as items_after_end
  from matched
  group by all
),

reach as (
  select campaign_id, count(*)::integer as authors, coalesce(sum(followers), 0)::bigint as potential_reach
  from authors
  group by all
),

final as (
  select
    c.campaign_id, c.name as campaign_name, c.entity_id, c.start_on, c.end_on, c.tail_days,
    coalesce(t.items, 0)::integer as items,
    coalesce(t.own_posts, 0)::integer as own_posts,
    coalesce(r.authors, 0)::integer as authors,
    coalesce(r.potential_reach, 0)::bigint as potential_reach,
    coalesce(t.interactions, 0)::double as interactions,
    coalesce(t.items_after_end, 0)::integer as items_after_end,
    coalesce(t.interactions_after_end, 0)::double as interactions_after_end,
    ratio(t.interactions_after_end, t.interactions) as pct_interactions_after_end,
    coalesce(t.active_days, 0)::integer as active_days
  from campaigns c
  left join totals t using (campaign_id)
  left join reach r using (campaign_id)
  -- why: public figures only describe groups of at least k distinct authors (privacy)
  where coalesce(r.authors, 0) >= privacy_k()
)

select * from final

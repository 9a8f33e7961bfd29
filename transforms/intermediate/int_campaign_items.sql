-- grain: one row per campaign and matching item, from the campaign's start to its end plus the watched tail
with campaigns as (
  select * from cfg_campaigns
),

items as (
  select * from int_items
),

final as (
  select
    c.campaign_id,
    i.item_key, i.platform, i.item_id, i.entity_id, i.author_key, i.author_followers, i.is_own, i.is_own_post,
    i.created_at, i.created_on, i.interactions,
    i.created_on > c.end_on as is_after_end
  from campaigns c
  join items i
    -- why: after the end, only the tail (tail_days) is watched, to see how engagement lingers, not next year's reuse
    on i.created_on between c.start_on and c.end_on + c.tail_days
    and (c.entity_id is null or i.entity_id = c.entity_id)
  -- why: a campaign is its hashtags (any of them) or its keywords
  where len(list_intersect(i.hashtags, c.hashtags)) > 0
    -- why: keywords match whole words, so "tari" does not match "militari"
    or len(list_filter(c.keywords, lambda k: regexp_matches(lower(coalesce(i.text, '')), '\b' || regexp_escape(k) || '\b'))) > 0
)

select * from final

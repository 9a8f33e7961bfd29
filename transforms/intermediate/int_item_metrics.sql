-- grain: one row per item that has counters, one column per canonical metric (latest snapshot)
with counts as (
  select * from stg_item_counts_latest
),

final as (
  select
    platform,
    item_id,
    max(value) filter (where metric = 'likes') as likes,
    max(value) filter (where metric = 'reactions') as reactions,
    max(value) filter (where metric = 'replies') as replies,
    max(value) filter (where metric = 'shares') as shares,
    max(value) filter (where metric = 'quotes') as quotes,
    max(value) filter (where metric = 'views') as views,
    max(value) filter (where metric = 'video_views') as video_views,
    max(value) filter (where metric = 'impressions') as impressions,
    max(value) filter (where metric = 'reach') as reach,
    max(value) filter (where metric = 'saves') as saves,
    max(value) filter (where metric = 'interactions') as interactions_reported,
    max(observed_at) as observed_at
  from counts
  group by platform, item_id
)

select * from final

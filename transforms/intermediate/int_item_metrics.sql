-- grain: one row per item that has counters, one column per canonical metric (latest snapshot)
with counts as (
  select * from stg_item_counts
),

final as (
  -- why: the latest snapshot of a metric is the latest observation, the later file on a tie (as the canonical view
  -- item_counts_latest); one aggregation instead of ranking every snapshot first
  select
    platform,
    item_id,
    arg_max(value, (observed_at, source_file_id)) filter (where metric = 'likes') as likes,
    arg_max(value, (observed_at, source_file_id)) filter (where metric = 'reactions') as reactions,
    arg_max(value, (observed_at, source_file_id)) filter (where metric = 'replies') as replies,
    arg_max(value, (observed_at, source_file_id)) filter (where metric = 'shares') as shares,
    arg_max(value, (observed_at, source_file_id)) filter (where metric = 'quotes') as quotes,
    arg_max(value, (observed_at, source_file_id)) filter (where metric = 'views') as views,
    arg_max(value, (observed_at, source_file_id)) filter (where metric = 'video_views') as video_views,
    arg_max(value, (observed_at, source_file_id)) filter (where metric = 'impressions') as impressions,
    arg_max(value, (observed_at, source_file_id)) filter (where metric = 'reach') as reach,
    arg_max(value, (observed_at, source_file_id)) filter (where metric = 'saves') as saves,
    arg_max(value, (observed_at, source_file_id)) filter (where metric = 'interactions') as interactions_reported,
    max(observed_at) as observed_at
  from counts
  group by platform, item_id
)

select * from final

-- grain: one row per own post and counter snapshot, for posts with at least two snapshots
with snapshots as (
  select * from int_count_snapshots
),

decay as (
  select * from int_post_decay
),

final as (
  select
    s.platform,
    s.item_id,
    s.observed_at,
    s.hours_since_post,
    s.interactions,
    ratio(s.interactions, d.last_interactions) as share_of_last
  from snapshots s
  -- why: a single snapshot is a point, not a curve
  join decay d on d.platform = s.platform and d.item_id = s.item_id
)

select * from final

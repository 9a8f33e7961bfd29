-- grain: one row per own post and counter snapshot (observation time), with the interactions it showed
with counts as (
  select * from stg_item_counts
),

posts as (
  -- why: decay curves describe the organisation's own posts
  select platform, item_id, created_at from int_items where is_own_post
),

pivoted as (
  select
    c.platform,
    c.item_id,
    c.observed_at,
    -- why: two files observed at the same instant are one snapshot; the later file wins, as in item_counts_latest
    max(c.source_file_id) as source_file_id,
    arg_max(c.value, c.source_file_id) filter (where c.metric = 'likes') as likes,
    arg_max(c.value, c.source_file_id) filter (where c.metric = 'reactions') as reactions,
    arg_max(c.value, c.source_file_id) filter (where c.metric = 'replies') as replies,
    arg_max(c.value, c.source_file_id) filter (where c.metric = 'shares') as shares,
    arg_max(c.value, c.source_file_id) filter (where c.metric = 'quotes') as quotes,
    arg_max(c.value, c.source_file_id) filter (where c.metric = 'interactions') as interactions_reported,
    any_value(p.created_at) as created_at
  from counts c
  join posts p on p.platform = c.platform and p.item_id = c.item_id
  group by c.platform, c.item_id, c.observed_at
),

final as (
  select
    platform,
    item_id,
    observed_at,
    source_file_id,
    -- why: an export stamped before the post's own time is clock skew; the post cannot be older than zero hours
    greatest(seconds_between(created_at, observed_at) / 3600, 0)::double as hours_since_post,
    interaction_sum(likes, reactions, replies, shares, quotes, interactions_reported)::double as interactions
  from pivoted
)

select * from final

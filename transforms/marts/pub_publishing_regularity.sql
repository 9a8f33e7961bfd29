-- grain: one row per entity and platform; public
with weekly as (
  select * from pub_publishing_weekly
),

posts as (
  -- why: publishing is the entity's own posts
  select entity_id, platform, created_at from int_items where is_own_post and entity_id is not null
),

clock as (
  select * from int_clock
),

settings as (
  select * from cfg_settings
),

weeks as (
  select
    entity_id, platform,
    count(*)::integer as weeks,
    sum(posts)::integer as posts,
    avg(posts)::double as mean_weekly_posts,
    stddev_pop(posts)::double as sd_weekly_posts,
    count(*) filter (where posts = 0)::integer as weeks_without_posts
  from weekly
  group by all
),

gaps as (
  select entity_id, platform, created_at,
    seconds_between(lag(created_at) over (partition by entity_id, platform order by created_at), created_at) / 86400 as gap_days
  from posts
),

gap_stats as (
  select
    entity_id, platform,
    max(created_at) as last_post_at,
    quantile_cont(gap_days, 0.5)::double as median_gap_days,
    max(gap_days)::double as longest_gap_days
  from gaps
  group by all
),

final as (
  select
    w.entity_id, w.platform, w.weeks, w.posts, w.weeks_without_posts, w.mean_weekly_posts, w.sd_weekly_posts,
    ratio(w.sd_weekly_posts, w.mean_weekly_posts) as cv_weekly_posts,
    -- why: 1 / (1 + cv) maps "perfectly even" to 1 and ever more irregular towards 0
    1 / (1 + ratio(w.sd_weekly_posts, w.mean_weekly_posts)) as regularity_score,
    g.last_post_at,
    g.median_gap_days,
    g.longest_gap_days,
    (seconds_between(g.last_post_at, c.as_of_at) / 86400)::double as current_silence_days,
    -- why: the longest silence includes the one still running at the warehouse's latest date
    greatest(g.longest_gap_days, seconds_between(g.last_post_at, c.as_of_at) / 86400)::double as longest_silence_days,
    -- why: dormant = no post in the configured days (default 60) before the warehouse's latest date
    coalesce(g.last_post_at < c.as_of_at - to_days(s.dormant_days), true) as is_dormant
  from weeks w
  left join gap_stats g using (entity_id, platform)
  cross join clock c
  cross join settings s
)

select * from final

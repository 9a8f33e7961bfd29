-- grain: one row per entity, platform and ISO week (Monday, Europe/Rome), weeks without posts included; public
with posts as (
  -- why: publishing is the entity's own posts
  select * from int_items where is_own_post and entity_id is not null
),

activity as (
  -- why: a channel is observed from its first item or daily metric, not only its first post; chats publish nothing
  select entity_id, platform, min(week_start) as first_week
  from (
    select entity_id, platform, week_start from int_items where channel_entity_id is not null and kind <> 'message'
    union all
    select entity_id, platform, date_trunc('week', day)::date from int_followers_daily
  )
  group by all
),

clock as (
  select * from int_clock
),

spine as (
  select a.entity_id, a.platform, unnest(generate_series(a.first_week, date_trunc('week', c.as_of_on)::date, interval 7 day))::date as week_start
  from activity a
  cross join clock c
),

weekly as (
  select entity_id, platform, week_start, count(*)::integer as posts
  from posts
  group by all
),

final as (
  select s.entity_id, s.platform, s.week_start, coalesce(w.posts, 0)::integer as posts
  from spine s
  left join weekly w using (entity_id, platform, week_start)
)

select * from final

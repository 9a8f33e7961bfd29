-- grain: one row per platform, hashtag and month (Europe/Rome); public
with items as (
  select * from int_items
),

uses as (
  -- why: unnest in the select list streams; a lateral unnest is a join back on a row index, several times slower
  select platform, unnest(hashtags) as hashtag, month_start, item_key, author_key, author_followers, interactions
  from items
),

authors as (
  -- why: potential reach counts each author's audience once, however many times they used the hashtag
  select platform, hashtag, month_start, author_key, max(author_followers) as followers
  from uses
  -- why: an unknown (deleted) author has no audience to count
  where author_key is not null
  group by all
),

aggregated as (
  select
    u.platform, u.hashtag, u.month_start,
    count(distinct u.item_key)::integer as items,
    sum(u.interactions)::double as interactions
  from uses u
  group by all
),

reach as (
  select
    platform, hashtag, month_start,
    count(*)::integer as authors,
    count(followers)::integer as authors_with_followers,
    sum(followers)::bigint as potential_reach
  from authors
  group by all
),

final as (
  select a.*, r.authors, r.authors_with_followers, coalesce(r.potential_reach, 0)::bigint as potential_reach
  from aggregated a
  join reach r using (platform, hashtag, month_start)
  -- why: public figures only describe groups of at least k distinct authors (privacy)
  where r.authors >= privacy_k()
)

select * from final

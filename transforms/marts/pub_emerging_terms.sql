-- grain: one row per entity, term type (topic, hashtag), term and ISO week (Europe/Rome); public
with items as (
  select * from int_items
  -- why: emerging terms are what citizens start talking about, on or to an entity
  where not is_own and entity_id is not null
),

terms as (
  -- why: unnest in the select list streams; a lateral unnest is a join back on a row index, several times slower
  select entity_id, 'topic' as term_type, unnest(coalesce(topics, [])) as term, week_start, item_key, author_key
  from items
  union all
  select entity_id, 'hashtag', unnest(hashtags), week_start, item_key, author_key
  from items
),

weekly as (
  select entity_id, term_type, term, week_start, count(distinct item_key)::integer as items,
    count(distinct author_key)::integer as authors
  from terms
  group by all
),

compared as (
  select
    *,
    -- why: the four weeks before; weeks without the term are absent rows and so count as zero
    coalesce(sum(items) over (partition by entity_id, term_type, term order by week_start
      range between interval 28 days preceding and interval 7 days preceding), 0)::double / 4 as previous_weekly_mean
  from weekly
),

final as (
  select
    entity_id, term_type, term, week_start, items, previous_weekly_mean,
    ratio(items, previous_weekly_mean) as growth_ratio,
    -- why: at least 5 items, and at least double the previous four weeks' mean (or new): small blips are not trends
    items >= 5 and items >= 2 * previous_weekly_mean as is_emerging
  from compared
  -- why: public figures only describe groups of at least k distinct authors (privacy)
  where authors >= privacy_k()
)

select * from final

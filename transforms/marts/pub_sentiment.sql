-- grain: one row per entity, platform, topic ("all" for every topic together) and month (Europe/Rome); public
with items as (
  select * from int_items
  -- why: listening measures what citizens say, about an entity, in items the text analysis scored
  where not is_own and entity_id is not null and sentiment_label is not null
),

tagged as (
  -- why: unnest in the select list streams; a lateral unnest is a join back on a row index, several times slower
  select * exclude (topics), unnest(['all'] || case when len(coalesce(topics, [])) > 0 then topics else ['none'] end) as topic
  from items
),

aggregated as (
  select
    entity_id, platform, topic, month_start,
    count(*)::integer as items,
    count(distinct author_key)::integer as authors,
    count(*) filter (where sentiment_label = 'positive')::integer as positive,
    count(*) filter (where sentiment_label = 'negative')::integer as negative,
    count(*) filter (where sentiment_label = 'neutral')::integer as neutral,
    avg(sentiment_score)::double as mean_score
  from tagged
  group by all
),

final as (
  select
    entity_id, platform, topic, month_start, items, positive, negative, neutral,
    ratio(positive, items) as pct_positive,
    wilson_low(positive, items) as pct_positive_low,
    wilson_high(positive, items) as pct_positive_high,
    ratio(negative, items) as pct_negative,
    wilson_low(negative, items) as pct_negative_low,
    wilson_high(negative, items) as pct_negative_high,
    ratio(neutral, items) as pct_neutral,
    net_sentiment(positive, negative) as net_sentiment,
    positive + negative as polar_items,
    is_small_n(positive + negative) as is_small_n,
    mean_score
  from aggregated
  -- why: public figures only describe groups of at least k distinct authors (privacy)
  where authors >= privacy_k()
)

select * from final

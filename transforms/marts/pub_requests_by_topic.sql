-- grain: one row per entity, topic and month (Europe/Rome) of the request; public
with requests as (
  select * from int_requests
),

by_topic as (
  -- why: an item may have several topics and counts once in each; untagged ones are kept as "none"
  -- why: unnest in the select list streams; a lateral unnest is a join back on a row index, several times slower
  select * exclude (topics), unnest(case when len(coalesce(topics, [])) > 0 then topics else ['none'] end) as topic
  from requests
),

aggregated as (
  select
    entity_id,
    topic,
    month_start,
    count(*)::integer as requests,
    count(distinct author_key)::integer as requesters,
    count(*) filter (where is_question)::integer as questions,
    count(*) filter (where is_complaint)::integer as complaints,
    count(*) filter (where is_answered)::integer as answered,
    count(*) filter (where not is_answered)::integer as unanswered,
    max(unanswered_seconds / 86400)::double as oldest_unanswered_days
  from by_topic
  group by entity_id, topic, month_start
),

final as (
  select
    entity_id, topic, month_start, requests, questions, complaints, answered, unanswered,
    ratio(answered, requests) as pct_answered,
    wilson_low(answered, requests) as pct_answered_low,
    wilson_high(answered, requests) as pct_answered_high,
    is_small_n(requests) as is_small_n,
    oldest_unanswered_days
  from aggregated
  -- why: public figures only describe groups of at least k distinct citizens (privacy)
  where requesters >= privacy_k()
)

select * from final

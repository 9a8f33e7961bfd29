-- grain: one row per entity, platform and month (Europe/Rome) of the request; internal: no privacy threshold
with requests as (
  select * from int_requests
),

hours as (
  select
    *,
    response_seconds / 3600 as response_hours,
    response_open_seconds / 3600 as response_open_hours,
    unanswered_seconds / 86400 as unanswered_days
  from requests
),

aggregated as (
  select
    entity_id,
    platform,
    month_start,
    count(*)::integer as requests,
    count(distinct author_key)::integer as requesters,
    count(*) filter (where is_question)::integer as questions,
    count(*) filter (where is_complaint)::integer as complaints,
    count(*) filter (where is_answered)::integer as answered,
    count(*) filter (where not is_answered)::integer as unanswered,
    count(*) filter (where is_redirected)::integer as redirected,
    count(*) filter (where is_clock_skew)::integer as clock_skew_clamped,
    quantile_cont(response_hours, 0.5)::double as median_response_hours,
    quantile_cont(response_hours, 0.9)::double as p90_response_hours,
    quantile_cont(response_open_hours, 0.5)::double as median_response_open_hours,
    quantile_cont(response_open_hours, 0.9)::double as p90_response_open_hours,
    max(unanswered_days)::double as oldest_unanswered_days
  from hours
  group by entity_id, platform, month_start
),

final as (
  select
    entity_id,
    platform,
    month_start,
    requests,
    requesters,
    questions,
    complaints,
    answered,
    unanswered,
    ratio(answered, requests) as pct_answered,
    wilson_low(answered, requests) as pct_answered_low,
    wilson_high(answered, requests) as pct_answered_high,
    is_small_n(requests) as is_small_n,
    redirected,
    -- why: a redirect is a kind of answer, so its share is over answered requests
    ratio(redirected, answered) as pct_redirected,
    wilson_low(redirected, answered) as pct_redirected_low,
    wilson_high(redirected, answered) as pct_redirected_high,
    median_response_hours,
    p90_response_hours,
    median_response_open_hours,
    p90_response_open_hours,
    oldest_unanswered_days,
    clock_skew_clamped
  from aggregated
)

select * from final

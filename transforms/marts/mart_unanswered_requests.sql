-- grain: one row per unanswered request; internal list for the staff who answer, with a redacted excerpt
with requests as (
  select * from int_requests
),

final as (
  select
    entity_id,
    platform,
    item_id,
    url,
    kind,
    created_at,
    (unanswered_seconds / 86400)::double as age_days,
    (unanswered_open_seconds / 3600)::double as age_open_hours,
    is_question,
    is_complaint,
    coalesce(topics, []::varchar[]) as topics,
    redact(text) as excerpt
  from requests
  -- why: the list is the staff's to-do: requests with no first response yet
  where not is_answered
)

select * from final

-- grain: one row per citizen request (question or complaint to an entity), with its first response by the entity
with items as (
  select * from int_items
),

clock as (
  select * from int_clock
),

calendar as (
  select * from int_business_calendar
),

requests as (
  -- why: see metrics.md#care_requests
  select item_key, platform, item_id, entity_id, account_id, author_key, kind, url, text, created_at, created_on, month_start,
    topics, is_question, is_complaint, parent_id, root_id
  from items where is_request
),

responders as (
  -- why: only the entity's own accounts answer for it
  select item_key, platform, account_id, kind, parent_id, created_at, reply_type,
    coalesce(author_entity_id, entity_id) as responder_entity_id
  from items where is_own
),

direct_replies as (
  -- why: a reply stamped before its request is clock skew between exports; it did answer, so it is clamped to the request's time
  select r.item_key, o.item_key as response_key, greatest(o.created_at, r.created_at) as responded_at,
    o.created_at < r.created_at as is_clock_skew, o.reply_type, 'direct' as response_match
  from requests r
  join responders o on o.platform = r.platform and o.parent_id = r.item_id and o.responder_entity_id = r.entity_id
),

thread_replies as (
  -- why: under a comment, the entity often answers the commenter thread rather than the exact reply
  select r.item_key, o.item_key as response_key, o.created_at as responded_at, false as is_clock_skew, o.reply_type,
    'thread' as response_match
  from (select * from requests where kind = 'reply' and parent_id <> root_id) r
  asof join (select * from responders where parent_id is not null) o
    on o.platform = r.platform and o.parent_id = r.parent_id and o.responder_entity_id = r.entity_id
    and o.created_at >= r.created_at
  where o.item_key <> r.item_key
),

chat_replies as (
  -- why: chat messages rarely quote what they answer; the entity's next message in the chat is the answer
  select r.item_key, o.item_key as response_key, o.created_at as responded_at, false as is_clock_skew, o.reply_type,
    'chat' as response_match
  from (select * from requests where kind = 'message') r
  asof join (select * from responders where kind = 'message') o
    on o.platform = r.platform and o.account_id = r.account_id and o.responder_entity_id = r.entity_id
    and o.created_at >= r.created_at
),

first_responses as (
  select
    item_key,
    arg_min(response_key, (responded_at, response_match, response_key)) as response_key,
    min(responded_at) as responded_at,
    arg_min(is_clock_skew, (responded_at, response_match, response_key)) as is_clock_skew,
    arg_min(reply_type, (responded_at, response_match, response_key)) as reply_type,
    arg_min(response_match, (responded_at, response_match, response_key)) as response_match
  from (select * from direct_replies union all select * from thread_replies union all select * from chat_replies)
  group by item_key
),

answered as (
  select
    r.item_key, r.platform, r.item_id, r.entity_id, r.account_id, r.author_key, r.kind, r.url, r.text,
    r.created_at, r.created_on, r.month_start, r.topics, r.is_question, r.is_complaint,
    f.response_key, f.responded_at, coalesce(f.is_clock_skew, false) as is_clock_skew, f.reply_type, f.response_match,
    coalesce(f.responded_at, c.as_of_at) as measured_to
  from requests r
  left join first_responses f on f.item_key = r.item_key
  cross join clock c
),

spans as (
  -- why: the calendar lookups need only the span; carrying the text through them copies it three times
  select item_key, entity_id, created_at, measured_to from answered
),

-- Open seconds from the calendar's start to a time: the last interval started at or before it, plus the part elapsed.
at_start as (
  select a.item_key, coalesce(k.open_seconds_before + least(greatest(seconds_between(k.open_at, a.created_at), 0), k.open_seconds), 0) as open_seconds
  from spans a
  asof left join calendar k on k.entity_id = a.entity_id and a.created_at >= k.open_at
),

at_end as (
  select a.item_key, coalesce(k.open_seconds_before + least(greatest(seconds_between(k.open_at, a.measured_to), 0), k.open_seconds), 0) as open_seconds
  from spans a
  asof left join calendar k on k.entity_id = a.entity_id and a.measured_to >= k.open_at
),

final as (
  select
    a.* exclude (measured_to),
    a.response_key is not null as is_answered,
    coalesce(a.reply_type = 'redirect', false) as is_redirected,
    case when a.response_key is not null then seconds_between(a.created_at, a.responded_at)::double end as response_seconds,
    case when a.response_key is not null then (e.open_seconds - s.open_seconds)::double end as response_open_seconds,
    case when a.response_key is null then seconds_between(a.created_at, a.measured_to)::double end as unanswered_seconds,
    case when a.response_key is null then (e.open_seconds - s.open_seconds)::double end as unanswered_open_seconds
  from answered a
  join at_start s on s.item_key = a.item_key
  join at_end e on e.item_key = a.item_key
)

select * from final

-- A first response is never earlier than its request (skewed direct replies are clamped, see metrics.md).
select item_key, created_at, responded_at
from int_requests
where responded_at < created_at or response_seconds < 0 or response_open_seconds < 0 or unanswered_open_seconds < 0

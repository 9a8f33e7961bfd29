-- Channels (pages, profiles, chats) and the entity that owns them, when the registry knows it.
select
  platform,
  account_id,
  lower(handle) as handle,
  nullif(trim(display_name), '') as display_name,
  entity_id,
  followers::bigint as followers,
  last_seen_at
from accounts

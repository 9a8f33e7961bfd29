-- Authors: the pseudonym counts people; handle is kept only to recognise the registry's own accounts.
select
  platform,
  author_id,
  platform || ':' || author_id as author_key,
  pseudonym,
  lower(handle) as handle,
  followers::bigint as followers,
  is_own
from authors

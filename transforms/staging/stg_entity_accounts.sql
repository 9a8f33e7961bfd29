-- The registry's list of accounts each entity owns.
select
  entity_id,
  lower(platform) as platform,
  lower(ltrim(handle, '@')) as handle,
  account_id
from entity_accounts

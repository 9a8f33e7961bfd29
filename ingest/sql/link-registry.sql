-- Ties ingested accounts and authors to the registry's entities, by account id or handle.
update accounts set entity_id = (
  select any_value(ea.entity_id) from entity_accounts ea
  where ea.platform = accounts.platform
    and (ea.account_id = accounts.account_id or ea.handle = lower(accounts.handle))
);
update authors set is_own = exists (
  select 1 from accounts a
  where a.platform = authors.platform and a.account_id = authors.author_id and a.entity_id is not null
) or exists (
  select 1 from entity_accounts ea
  where ea.platform = authors.platform and (ea.account_id = authors.author_id or ea.handle = lower(authors.handle))
);

-- Ties the accounts and authors one file brought to the registry's entities (link-registry.sql, limited to
-- the staged keys: relinking the whole tables after every file grows with the warehouse, not the file).
update accounts set entity_id = coalesce((
  select any_value(ea.entity_id) from entity_accounts ea
  where ea.platform = accounts.platform
    and (ea.account_id = accounts.account_id or ea.handle = lower(accounts.handle)
      or (accounts.account_id like 'name:%' and lower(trim(ea.account_id)) = accounts.account_id))
), (
  -- an id-less insights export's page (account_id 'name:...'), by its name: see link-registry.sql
  select case when count(distinct e.entity_id) = 1 then min(e.entity_id) end
  from entities e
  where accounts.account_id like 'name:%'
    and (lower(trim(accounts.display_name)) = lower(trim(e.name))
      or exists (select 1 from entity_accounts ea
        where ea.entity_id = e.entity_id and ea.platform = accounts.platform and ea.handle = lower(trim(accounts.display_name))))
))
where (platform, account_id) in (select platform, account_id from stage_accounts);
-- an author's is_own follows the account of the same id: a newly linked account changes it too
update authors set is_own = exists (
  select 1 from accounts a
  where a.platform = authors.platform and a.account_id = authors.author_id and a.entity_id is not null
) or exists (
  select 1 from entity_accounts ea
  where ea.platform = authors.platform and (ea.account_id = authors.author_id or ea.handle = lower(authors.handle))
)
where (platform, author_id) in (select platform, author_id from stage_authors union select platform, account_id from stage_accounts);

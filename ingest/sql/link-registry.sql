-- Ties ingested accounts and authors to the registry's entities, by account id or handle, and an account
-- known only by its name (insights exports without an id: account_id 'name:<page name, lower-case>') by that name.
-- $all: every row (after a config change); else only the keys the current file staged, so that linking after
-- each file grows with the file, not with the warehouse.
update accounts set entity_id = coalesce((
  select any_value(ea.entity_id) from entity_accounts ea
  where ea.platform = accounts.platform
    and (ea.account_id = accounts.account_id or ea.handle = lower(accounts.handle)
      -- why: accounts.csv may spell a name: id in the page's own case ("name:Comune di X")
      or (accounts.account_id like 'name:%' and lower(trim(ea.account_id)) = accounts.account_id))
), (
  -- why: an id-less export names the page only; that name, equal to an entity's name or to a handle the registry
  -- lists for it on the same platform, identifies the entity, unless two entities share it
  select case when count(distinct e.entity_id) = 1 then min(e.entity_id) end
  from entities e
  where accounts.account_id like 'name:%'
    and (lower(trim(accounts.display_name)) = lower(trim(e.name))
      or exists (select 1 from entity_accounts ea
        where ea.entity_id = e.entity_id and ea.platform = accounts.platform and ea.handle = lower(trim(accounts.display_name))))
))
where $all or (platform, account_id) in (select platform, account_id from stage_accounts);
-- an author's is_own follows the account of the same id: a newly linked account changes it too
update authors set is_own = exists (
  select 1 from accounts a
  where a.platform = authors.platform and a.account_id = authors.author_id and a.entity_id is not null
) or exists (
  select 1 from entity_accounts ea
  where ea.platform = authors.platform and (ea.account_id = authors.author_id or ea.handle = lower(authors.handle))
)
where $all or (platform, author_id) in (select platform, author_id from stage_authors union select platform, account_id from stage_accounts);

-- grain: one row per item with a known creation time, with its thread, channel, entity and whether its author is one of ours
with staged as (
  select * from stg_items
),

threads as (
  select * from int_threads
),

items as (
  -- why: the thread's root and channel, followed up the parent chain where the export did not give them, place
  -- an answer under its post and on the post's channel (entity, care, two-way threads)
  select i.* replace (coalesce(i.account_id, t.account_id) as account_id, coalesce(i.root_id, t.root_id) as root_id)
  from staged i
  left join threads t on t.platform = i.platform and t.item_id = i.item_id
  -- why: every indicator is placed in time; an item without a date cannot be bucketed
  where i.created_at is not null
),

authors as (
  select * from stg_authors
),

owned as (
  select * from int_owned_accounts
),

owned_ids as (
  select platform, account_id, entity_id from owned where account_id is not null
),

owned_handles as (
  select platform, handle, min(entity_id) as entity_id from owned where handle is not null group by all
),

mentioned_entity as (
  -- why: a citizen's post on their own timeline that tags the entity (@comune) is addressed to it
  select m.platform, m.item_id, min(h.entity_id) as entity_id
  -- why: unnest in the select list streams; a lateral unnest is a join back on a row index, several times slower
  from (select platform, item_id, lower(unnest(mentions)) as handle from items) m
  join owned_handles h on h.platform = m.platform and h.handle = m.handle
  group by all
),

resolved as (
  select
    i.*,
    channel.entity_id as channel_entity_id,
    coalesce(channel.entity_id, mentioned.entity_id) as entity_id,
    coalesce(by_id.entity_id, by_handle.entity_id) as author_entity_id,
    a.followers as author_followers,
    coalesce(a.is_own, false) as author_is_own
  from items i
  left join owned_ids channel on channel.platform = i.platform and channel.account_id = i.account_id
  left join mentioned_entity mentioned on mentioned.platform = i.platform and mentioned.item_id = i.item_id
  left join authors a on a.platform = i.platform and a.author_id = i.author_id
  left join owned_ids by_id on by_id.platform = i.platform and by_id.account_id = i.author_id
  left join owned_handles by_handle on by_handle.platform = i.platform and by_handle.handle = a.handle
),

final as (
  select
    item_key, platform, item_id, account_id, entity_id, channel_entity_id,
    -- why: page exports list the page's own posts without an author; on an own channel they are ours
    case when author_id is null and kind = 'post' and channel_entity_id is not null
      then platform || ':' || account_id else platform || ':' || author_id end as author_key,
    author_id,
    author_followers,
    author_is_own or author_entity_id is not null
      or (author_id is null and kind = 'post' and channel_entity_id is not null) as is_own,
    coalesce(author_entity_id, case when author_id is null and kind = 'post' then channel_entity_id end) as author_entity_id,
    created_at, created_on, week_start, month_start, text, md5(coalesce(text, '')) as text_hash,
    kind, parent_id, root_id, hashtags, mentions, url, source_file_id
  from resolved
)

select * from final

-- grain: one row per item whose export gave no thread root or no channel: both as followed up its parent chain
-- Exports that see one item at a time cannot know its thread: X API v1.1 replies (no conversation id, no
-- channel), Instagram comments read from /{media-id}/comments (no channel), YouTube replies from comments.list
-- (no video), Facebook comments from a comments file alone. Their parent_id chain usually leads to an item the
-- warehouse has from another file. Only these items are walked: the others keep what their export said.
with recursive items as (
  select platform, item_id, account_id, parent_id, root_id from stg_items
),

unresolved as (
  select * from items where root_id is null or account_id is null
),

walk as (
  -- why: each step climbs one parent; path holds the ids met, so a cycle (a → b → a) stops where it closes
  select platform, item_id, parent_id as node_id, 1 as depth, [item_id, parent_id] as path
  from unresolved
  where root_id is null and parent_id is not null
  union all
  select w.platform, w.item_id, p.parent_id, w.depth + 1, list_append(w.path, p.parent_id)
  from walk w
  join items p on p.platform = w.platform and p.item_id = w.node_id
  -- why: an ancestor that knows its root, or has no parent, ends the climb; 50 steps bound any chain
  where p.root_id is null and p.parent_id is not null and not list_contains(w.path, p.parent_id) and w.depth < 50
),

tops as (
  select platform, item_id, arg_max(node_id, depth) as top_id
  from walk
  group by platform, item_id
),

walked as (
  select
    t.platform,
    t.item_id,
    case
      -- why: the chain leaves the warehouse; the furthest id known still groups the thread's items together
      when p.item_id is null then t.top_id
      when p.root_id is not null then p.root_id
      when p.parent_id is null then p.item_id
    end as root_id,
    case
      when p.item_id is null then 'missing_parent'
      when p.root_id is not null or p.parent_id is null then 'parent_chain'
      -- why: a cycle (or a chain deeper than 50) has no top: its root stays unknown
      else 'cycle'
    end as root_source
  from tops t
  left join items p on p.platform = t.platform and p.item_id = t.top_id
),

ancestor_channels as (
  -- why: every item of a thread is on the same channel; the nearest ancestor that names it speaks for the thread
  select w.platform, w.item_id, arg_min(p.account_id, w.depth) as account_id
  from walk w
  join items p on p.platform = w.platform and p.item_id = w.node_id
  where p.account_id is not null
  group by w.platform, w.item_id
),

resolved as (
  select
    u.platform,
    u.item_id,
    coalesce(u.root_id, w.root_id) as root_id,
    u.account_id as own_account_id,
    coalesce(u.account_id, c.account_id) as ancestor_account_id,
    case when u.root_id is not null then 'export' else w.root_source end as root_source
  from unresolved u
  left join walked w on w.platform = u.platform and w.item_id = u.item_id
  left join ancestor_channels c on c.platform = u.platform and c.item_id = u.item_id
),

final as (
  select
    r.platform,
    r.item_id,
    r.root_id,
    -- why: a comment is on the channel of the post it is under (e.g. Instagram comments read by media id)
    coalesce(r.ancestor_account_id, root.account_id) as account_id,
    r.root_source,
    case
      when r.own_account_id is not null then 'export'
      when coalesce(r.ancestor_account_id, root.account_id) is not null then 'thread'
    end as channel_source
  from resolved r
  left join items root on root.platform = r.platform and root.item_id = r.root_id
)

select * from final

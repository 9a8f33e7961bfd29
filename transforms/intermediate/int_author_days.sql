-- grain: one row per entity, platform, citizen author and local day with at least one item
with items as (
  select * from int_items
),

final as (
  select entity_id, platform, author_key, created_on as day, count(*)::integer as items
  from items
  -- why: community indicators count citizens; the organisation's own accounts and unknown authors are not members
  where not is_own and entity_id is not null and author_key is not null
  group by entity_id, platform, author_key, created_on
)

select * from final

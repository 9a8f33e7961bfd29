-- grain: one row per campaign and day (Europe/Rome): the campaign's daily curve; public
with matched as (
  select * from int_campaign_items
),

daily as (
  select
    campaign_id,
    created_on as day,
    count(*)::integer as items,
    count(distinct author_key)::integer as authors,
    coalesce(sum(interactions), 0)::double as interactions,
    bool_or(is_after_end) as is_after_end
  from matched
  group by all
),

final as (
  select * exclude (authors) from daily
  -- why: public figures only describe groups of at least k distinct authors (privacy)
  where authors >= privacy_k()
)

select * from final

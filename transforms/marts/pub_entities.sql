-- grain: one row per entity observed (public bodies: names and population from ISTAT, no citizen data); public
with entities as (
  select * from stg_entities
),

final as (
  -- why: "name" is reserved for people in public marts (tests/public_marts_name_no_citizen.sql); this is the body's name
  select entity_id, name as entity_name, kind, size_class, population, region from entities
)

select * from final

-- Entities observed, with population and size class for per-capita figures and benchmarks.
select
  entity_id,
  name,
  kind,
  region,
  population::integer as population,
  size_class
from entities

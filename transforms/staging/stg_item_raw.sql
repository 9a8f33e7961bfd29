-- Each item's original record, apart from stg_items so that only the models that parse it carry its weight.
select
  platform,
  item_id,
  raw
from items

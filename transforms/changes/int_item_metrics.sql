-- Items with counter snapshots from files loaded since the previous build ($after_file_id): counters are
-- appended, never rewritten, so no other item's latest counters can have changed.
select distinct platform, item_id
from stg_item_counts
where source_file_id > $after_file_id

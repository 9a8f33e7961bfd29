-- Every item seen again: first/last seen widen and the latest file that carried it (narrow columns only).
update items set first_seen_at = s.first_seen_at, last_seen_at = s.last_seen_at, last_source_file_id = s.file_id
from stage_seen_items s
where items.platform = s.platform and items.item_id = s.item_id;

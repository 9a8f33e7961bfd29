-- An id repeated in a later chunk of the file that first brought it: `raw` becomes that file's last record,
-- as it is when the repeat falls within one chunk. Runs only when the chunk repeats such an id.
update items set raw = s.raw::json
from (
  select platform, item_id, raw from stage_items join stage_item_raw using (seq)
  qualify row_number() over (partition by platform, item_id order by seq desc) = 1
) s
where items.platform = s.platform and items.item_id = s.item_id and items.source_file_id = $file_id::integer
  and (s.platform, s.item_id) in (select platform, item_id from stage_seen_items where stored_first_file_id = $file_id::integer);

-- Items seen again whose values changed (find-seen-items.sql merged them): only those rows are written,
-- and the lists only where they changed (DuckDB rewrites a whole row to update a list column).
update items set
  account_id = s.account_id, author_id = s.author_id, created_at = s.created_at, text = s.text, lang_hint = s.lang_hint,
  parent_id = s.parent_id, root_id = s.root_id, url = s.url, media_count = s.media_count
from stage_seen_items s
where items.platform = s.platform and items.item_id = s.item_id and s.fields_changed;
update items set hashtags = s.hashtags, mentions = s.mentions
from stage_seen_items s
where items.platform = s.platform and items.item_id = s.item_id and s.lists_changed;

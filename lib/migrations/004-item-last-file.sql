-- The latest file that carried each item (source_file_id is the first): lets the loader merge a large file
-- in chunks and still tell a repeat within the file from an item an earlier file brought. Null for items
-- loaded before this migration.
alter table items add column last_source_file_id integer;

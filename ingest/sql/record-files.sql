-- The source_files rows of the staged files merged for the first time, with the ids merge.ts drew for them.
insert into source_files by name (
  select file_id, path, sha256, bytes, format, 'loaded' as status, rows_json, skipped_json, exported_at, now() as ingested_at
  from stage_files
  where recording
)

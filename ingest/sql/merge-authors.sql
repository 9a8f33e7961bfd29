-- One row per author. Within a file its last record counts; across files a later file's handle and name
-- replace earlier ones, and the newest export's count wins whatever order files are loaded in (on the same
-- date, the larger), so that a batch of files merged at once gives what merging them one by one gives.
-- The pseudonym is a keyed hash: stable within a warehouse, not computable without its secret.
insert into authors by name (
  select platform, author_id,
    arg_max(handle, seq) filter (where handle is not null) as handle,
    arg_max(name, seq) filter (where name is not null) as name,
    arg_max(followers, (exported_at, followers)) filter (where followers is not null) as followers,
    max(exported_at) filter (where followers is not null) as followers_observed_at,
    sha256((select value from meta where key = 'pseudonym_secret') || ':' || platform || ':' || author_id)[1:16] as pseudonym
  from (
    select * from stage_authors join stage_files using (file)
    qualify row_number() over (partition by platform, author_id, file order by seq desc) = 1
  )
  group by platform, author_id
)
on conflict (platform, author_id) do update set
  handle = coalesce(excluded.handle, authors.handle),
  name = coalesce(excluded.name, authors.name),
  followers = newest_count(excluded.followers, excluded.followers_observed_at, authors.followers, authors.followers_observed_at),
  followers_observed_at = case
    when excluded.followers is null then authors.followers_observed_at
    else greatest(excluded.followers_observed_at, authors.followers_observed_at) end;

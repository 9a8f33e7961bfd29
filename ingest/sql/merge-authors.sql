-- The pseudonym is a keyed hash: stable within a warehouse, not computable without its secret.
insert into authors by name (
  select platform, author_id, handle, name, followers,
    sha256((select value from meta where key = 'pseudonym_secret') || ':' || platform || ':' || author_id)[1:16] as pseudonym
  from stage_authors
  qualify row_number() over (partition by platform, author_id order by seq desc) = 1
)
on conflict (platform, author_id) do update set
  handle = coalesce(excluded.handle, authors.handle),
  name = coalesce(excluded.name, authors.name),
  followers = coalesce(excluded.followers, authors.followers);

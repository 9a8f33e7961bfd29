-- The pseudonym is a keyed hash: stable within a warehouse, not computable without its secret.
insert into authors by name (
  select platform, author_id, handle, name, followers,
    case when followers is not null then $exported_at::timestamptz end as followers_observed_at,
    sha256((select value from meta where key = 'pseudonym_secret') || ':' || platform || ':' || author_id)[1:16] as pseudonym
  from stage_authors
  qualify row_number() over (partition by platform, author_id order by seq desc) = 1
)
on conflict (platform, author_id) do update set
  handle = coalesce(excluded.handle, authors.handle),
  name = coalesce(excluded.name, authors.name),
  -- why: the newest export's count wins, whatever order files are loaded in; on the same date, the larger
  followers = case
    when excluded.followers is null then authors.followers
    when authors.followers_observed_at is null or excluded.followers_observed_at > authors.followers_observed_at then excluded.followers
    when excluded.followers_observed_at = authors.followers_observed_at then greatest(excluded.followers, authors.followers)
    else authors.followers end,
  followers_observed_at = case
    when excluded.followers is null then authors.followers_observed_at
    else greatest(excluded.followers_observed_at, authors.followers_observed_at) end;

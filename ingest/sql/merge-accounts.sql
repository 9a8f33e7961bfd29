-- One row per account. Within a file its last record counts; across files a later file's handle and name
-- replace earlier ones, and the count observed at the newest export date wins (on the same date, the larger),
-- so that a batch of files merged at once gives what merging them one by one in order gives.
insert into accounts by name (
  select platform, account_id,
    arg_max(handle, seq) filter (where handle is not null) as handle,
    arg_max(display_name, seq) filter (where display_name is not null) as display_name,
    arg_max(followers, (exported_at, followers)) filter (where followers is not null) as followers,
    max(exported_at) filter (where followers is not null) as followers_observed_at,
    min(exported_at) as first_seen_at, max(exported_at) as last_seen_at
  from (
    select * from stage_accounts join stage_files using (file)
    qualify row_number() over (partition by platform, account_id, file order by seq desc) = 1
  )
  group by platform, account_id
)
on conflict (platform, account_id) do update set
  handle = coalesce(excluded.handle, accounts.handle),
  display_name = coalesce(excluded.display_name, accounts.display_name),
  followers = newest_count(excluded.followers, excluded.followers_observed_at, accounts.followers, accounts.followers_observed_at),
  followers_observed_at = case
    when excluded.followers is null then accounts.followers_observed_at
    else greatest(excluded.followers_observed_at, accounts.followers_observed_at) end,
  first_seen_at = least(accounts.first_seen_at, excluded.first_seen_at),
  last_seen_at = greatest(accounts.last_seen_at, excluded.last_seen_at);

insert into accounts by name (
  select platform, account_id, handle, display_name, followers,
    $exported_at::timestamptz as first_seen_at, $exported_at::timestamptz as last_seen_at
  from stage_accounts
  qualify row_number() over (partition by platform, account_id order by seq desc) = 1
)
on conflict (platform, account_id) do update set
  handle = coalesce(excluded.handle, accounts.handle),
  display_name = coalesce(excluded.display_name, accounts.display_name),
  followers = case when excluded.last_seen_at >= accounts.last_seen_at then coalesce(excluded.followers, accounts.followers) else coalesce(accounts.followers, excluded.followers) end,
  first_seen_at = least(accounts.first_seen_at, excluded.first_seen_at),
  last_seen_at = greatest(accounts.last_seen_at, excluded.last_seen_at);

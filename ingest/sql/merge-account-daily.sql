-- One row per account and day; a later file fills or corrects the metrics it carries.
insert into account_daily by name (
  select platform, account_id, day::date as day, followers, follows_gained, follows_lost, impressions, reach,
    profile_visits, engagements, $file_id::integer as source_file_id
  from stage_account_daily
  qualify row_number() over (partition by platform, account_id, day order by seq desc) = 1
)
on conflict (platform, account_id, day) do update set
  followers = coalesce(excluded.followers, account_daily.followers),
  follows_gained = coalesce(excluded.follows_gained, account_daily.follows_gained),
  follows_lost = coalesce(excluded.follows_lost, account_daily.follows_lost),
  impressions = coalesce(excluded.impressions, account_daily.impressions),
  reach = coalesce(excluded.reach, account_daily.reach),
  profile_visits = coalesce(excluded.profile_visits, account_daily.profile_visits),
  engagements = coalesce(excluded.engagements, account_daily.engagements),
  source_file_id = excluded.source_file_id;

-- One row per account and day; a later file fills or corrects the metrics it carries. Within a file its last
-- record counts; across the files merged at once, each metric's last value that is not null.
insert into account_daily by name (
  select platform, account_id, day::date as day,
    arg_max(followers, seq) filter (where followers is not null) as followers,
    arg_max(follows_gained, seq) filter (where follows_gained is not null) as follows_gained,
    arg_max(follows_lost, seq) filter (where follows_lost is not null) as follows_lost,
    arg_max(impressions, seq) filter (where impressions is not null) as impressions,
    arg_max(reach, seq) filter (where reach is not null) as reach,
    arg_max(profile_visits, seq) filter (where profile_visits is not null) as profile_visits,
    arg_max(engagements, seq) filter (where engagements is not null) as engagements,
    arg_max(file_id, seq) as source_file_id
  from (
    select * from stage_account_daily join stage_files using (file)
    qualify row_number() over (partition by platform, account_id, day, file order by seq desc) = 1
  )
  group by platform, account_id, day
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

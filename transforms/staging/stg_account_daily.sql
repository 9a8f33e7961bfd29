-- Account-level daily metrics as the platforms' insights exports give them.
select
  platform,
  account_id,
  day,
  followers::bigint as followers,
  follows_gained::bigint as follows_gained,
  follows_lost::bigint as follows_lost,
  impressions::bigint as impressions,
  reach::bigint as reach,
  profile_visits::bigint as profile_visits,
  engagements::bigint as engagements
from account_daily

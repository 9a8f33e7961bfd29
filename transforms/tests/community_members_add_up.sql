-- Active members are new or returning; retained members were active the month before.
select entity_id, platform, month_start, active_members, new_members, returning_members, retained_members
from pub_community_monthly
where new_members + returning_members <> active_members
  or retained_members > coalesce(previous_active_members, 0)
  or retained_members > returning_members

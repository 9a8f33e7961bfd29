-- grain: one row per own post with at least two counter snapshots: its time to half of the last observed interactions
with snapshots as (
  -- why: a snapshot without any interaction counter is no point on the curve
  select * from int_count_snapshots where interactions is not null
),

stats as (
  select platform, item_id, count(*)::integer as snapshots, arg_max(interactions, observed_at) as last_interactions,
    max(hours_since_post) as last_hours
  from snapshots
  group by platform, item_id
  -- why: one snapshot gives no curve; its half-life would be invented
  having count(*) >= 2
),

points as (
  -- why: every post starts at zero interactions when published; this origin anchors the first segment
  select platform, item_id, 0.0::double as hours, 0.0::double as interactions from stats
  union all
  select s.platform, s.item_id, s.hours_since_post, s.interactions
  from snapshots s
  join stats using (platform, item_id)
),

segments as (
  select
    p.platform, p.item_id, p.hours, p.interactions, st.last_interactions / 2 as half,
    lag(p.hours) over w as prev_hours,
    lag(p.interactions) over w as prev_interactions
  from points p
  join stats st using (platform, item_id)
  window w as (partition by p.platform, p.item_id order by p.hours, p.interactions)
),

crossings as (
  select
    platform, item_id,
    -- linear interpolation inside the first segment that reaches half of the last value
    arg_min(prev_hours + (half - prev_interactions) * (hours - prev_hours) / (interactions - prev_interactions), hours) as half_life_hours
  from segments
  -- why: the segment that crosses half of the last value; later crossings (after a dip) are ignored
  where prev_hours is not null and prev_interactions < half and interactions >= half
  group by platform, item_id
),

final as (
  select st.platform, st.item_id, st.snapshots, st.last_interactions, st.last_hours, c.half_life_hours::double as half_life_hours
  from stats st
  left join crossings c using (platform, item_id)
)

select * from final

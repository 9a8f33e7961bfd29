// Community: active, new and returning members, retention, stickiness, conversations, concentration, health.
import {emitPage} from "./read-marts.ts";

await emitPage({
  monthly: {sql: "select entity_id, platform, month_start::varchar as month_start, active_members, new_members, returning_members, retained_members, previous_active_members, pct_retained, pct_retained_low, pct_retained_high, mean_daily_active, stickiness, threads, two_way_threads, pct_two_way, pct_two_way_low, pct_two_way_high, member_answers, citizen_to_citizen, pct_citizen_to_citizen, pct_top1_items, is_small_n, community_health_index from pub_community_monthly order by month_start"},
  // why: weekly samples of the 28-day rolling count are enough for a chart and keep the page light
  daily: {sql: "select entity_id, platform, day::varchar as day, active_28d from pub_community_daily where isodow(day) = 1 order by day"}
});

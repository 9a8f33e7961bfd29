// Campagne: each configured hashtag campaign's daily curve, reach, interactions and its tail after the end.
import {emitPage} from "./read-marts.ts";

await emitPage({
  campaigns: {mayBeEmpty: true, sql: "select campaign_id, campaign_name, entity_id, start_on::varchar as start_on, end_on::varchar as end_on, tail_days, items, own_posts, authors, potential_reach::double as potential_reach, interactions, items_after_end, interactions_after_end, pct_interactions_after_end, active_days from pub_campaigns order by start_on"},
  daily: {mayBeEmpty: true, sql: "select campaign_id, day::varchar as day, items, interactions, is_after_end from pub_campaign_daily order by campaign_id, day"}
});

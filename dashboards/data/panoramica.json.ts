// Panoramica: headline figures for the elected official (care, sentiment, community, reach, topics).
import {emitPage} from "./read-marts.ts";

await emitPage({
  care: {sql: "select entity_id, platform, month_start::varchar as month_start, requests, answered, redirected, median_response_hours, median_response_open_hours, is_small_n from pub_customer_care order by month_start"},
  // why: the whole-month response bands (weekday 0) give the period's median band
  bands: {sql: "select entity_id, platform, month_start::varchar as month_start, band, band_order, band_min_hours, band_max_hours, is_answered, requests from pub_response_times where weekday = 0 order by month_start, platform, band_order"},
  sentiment: {sql: "select entity_id, platform, topic, month_start::varchar as month_start, items, positive, negative, neutral, net_sentiment from pub_sentiment order by month_start"},
  community: {sql: "select entity_id, platform, month_start::varchar as month_start, active_members, new_members, community_health_index from pub_community_monthly order by month_start"},
  reach: {sql: "select entity_id, platform, period_start::varchar as month_start, posts, interactions, followers from pub_reach_engagement where period = 'month' order by period_start"}
});

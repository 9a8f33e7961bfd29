// Canali e pubblicazione: followers, reach and engagement per platform, content, best hours, regularity.
import {emitPage} from "./read-marts.ts";

await emitPage({
  monthly: {sql: "select entity_id, platform, period_start::varchar as month_start, posts, likes, comments, shares, interactions, interactions_per_post, followers, is_followers_latest, follower_growth, engagement_rate_followers, post_impressions, post_reach, posts_with_reach, engagement_rate_reach, account_impressions, account_reach_daily_sum, follows_gained, follows_lost from pub_reach_engagement where period = 'month' order by period_start"},
  weekly: {sql: "select entity_id, platform, week_start::varchar as week_start, posts from pub_publishing_weekly order by week_start"},
  regularity: {sql: "select entity_id, platform, weeks, posts, weeks_without_posts, mean_weekly_posts, regularity_score, last_post_at::varchar as last_post_at, median_gap_days, longest_gap_days, current_silence_days, longest_silence_days, is_dormant from pub_publishing_regularity order by entity_id, platform"},
  // why: own posts are the organisation's public content; grouped by their Europe/Rome hour and weekday for "best hours"
  hours: {sql: `select entity_id, platform, date_trunc('month', created_on)::varchar as month_start,
      isodow(created_at at time zone 'Europe/Rome')::integer as isodow, hour(created_at at time zone 'Europe/Rome')::integer as hour,
      count(*)::integer as posts, sum(interactions)::double as interactions
    from pub_own_posts group by all order by all`},
  // why: what the organisation publishes, by kind and by which counters the platform reports (content types)
  content: {sql: `select entity_id, platform, date_trunc('month', created_on)::varchar as month_start, kind,
      count(*)::integer as posts, count(views)::integer as with_views, count(impressions)::integer as with_impressions,
      count(reach)::integer as with_reach, avg(interactions)::double as mean_interactions, median(half_life_hours)::double as median_half_life_hours
    from pub_own_posts group by all order by all`},
  electoral: {mayBeEmpty: true, sql: "select period_id, period_name, start_on::varchar as start_on, end_on::varchar as end_on, entity_id, platform, posts, interactions from pub_electoral_posts order by start_on, entity_id, platform"},
  // internal: each own post published during a par condicio period, for the staff to review
  electoralPosts: {internal: true, mayBeEmpty: true, sql: "select period_id, entity_id, platform, item_id, url, created_at::varchar as created_at, excerpt, interactions from mart_electoral_posts order by created_at desc"},
  // a mart that lists where a platform renamed a counter (metric_source, e.g. impressions → views), when it exists
  definitions: {optional: true, mayBeEmpty: true, sql: "select * from pub_metric_sources"}
});

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
  // why: what the organisation publishes, by content type, its engagement and which counters the platform reports;
  // sums and counts only, so that the page can add months together
  content: {sql: `select entity_id, platform, date_trunc('month', created_on)::varchar as month_start, coalesce(content_type, 'unknown') as content_type,
      count(*)::integer as posts, sum(interactions)::double as interactions, count(interactions)::integer as with_interactions,
      sum(engagement_rate_followers)::double as engagement_rate_sum, count(engagement_rate_followers)::integer as with_engagement_rate,
      sum(views)::double as views, count(views)::integer as with_views, sum(impressions)::double as impressions,
      count(impressions)::integer as with_impressions, count(reach)::integer as with_reach
    from pub_own_posts group by all order by all`},
  electoralCounts: {mayBeEmpty: true, sql: "select period_id, period_name, start_on::varchar as start_on, end_on::varchar as end_on, entity_id, platform, posts, interactions from pub_electoral_posts order by start_on, entity_id, platform"},
  // internal: each own post published during a par condicio period, for the staff to review
  electoralPosts: {internal: true, mayBeEmpty: true, sql: "select period_id, entity_id, platform, item_id, url, created_at::varchar as created_at, excerpt, interactions from mart_electoral_posts order by created_at desc"},
  // where a platform renamed a counter (e.g. Meta's impressions → views): the charts mark the day
  definitions: {optional: true, mayBeEmpty: true, sql: `select platform, format, metric, metric_source, previous_metric, previous_source,
      first_observed_on::varchar as first_observed_on, last_observed_on::varchar as last_observed_on, items
    from pub_metric_sources where previous_source is not null order by first_observed_on`}
});

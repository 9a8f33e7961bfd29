// Ascolto: what citizens say (sentiment by channel and topic), what is emerging, what they ask and report.
import {emitPage} from "./read-marts.ts";

await emitPage({
  sentiment: {sql: "select entity_id, platform, topic, month_start::varchar as month_start, items, positive, negative, neutral, pct_positive, pct_negative, net_sentiment, polar_items, is_small_n from pub_sentiment order by month_start"},
  emerging: {sql: "select entity_id, term_type, term, week_start::varchar as week_start, items, previous_weekly_mean, growth_ratio, is_emerging from pub_emerging_terms order by week_start", mayBeEmpty: true},
  hashtags: {sql: "select platform, hashtag, month_start::varchar as month_start, items, interactions, authors, potential_reach::double as potential_reach from pub_hashtag_reach order by month_start", mayBeEmpty: true},
  requests: {sql: "select entity_id, topic, month_start::varchar as month_start, requests, questions, complaints, answered, unanswered, pct_answered, pct_answered_low, pct_answered_high, is_small_n from pub_requests_by_topic order by month_start"}
});

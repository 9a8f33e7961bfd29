// Assistenza ai cittadini: answers, response times, redirects; the internal site adds the unanswered list.
import {emitPage} from "./read-marts.ts";

await emitPage({
  care: {sql: "select entity_id, platform, month_start::varchar as month_start, requests, questions, complaints, answered, unanswered, pct_answered, pct_answered_low, pct_answered_high, is_small_n, redirected, pct_redirected, pct_redirected_low, pct_redirected_high, median_response_hours, p90_response_hours, median_response_open_hours, p90_response_open_hours, oldest_unanswered_days from pub_customer_care order by month_start"},
  // why: requests by response band, per month and per weekday × hour of the request (weekday 0 = the whole month)
  times: {sql: "select entity_id, platform, month_start::varchar as month_start, weekday, hour, band, band_order, band_min_hours, band_max_hours, is_answered, requests from pub_response_times order by month_start, platform, weekday, hour, band_order"},
  // internal: the staff's work list, with a redacted excerpt and the link to answer
  unanswered: {internal: true, mayBeEmpty: true, sql: "select entity_id, platform, item_id, url, kind, created_at::varchar as created_at, age_days, is_question, is_complaint, topics, excerpt from mart_unanswered_requests order by created_at desc"}
});

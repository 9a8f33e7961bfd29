// Names and formats of the benchmark's indicators (pub_benchmark.indicator_id).
import {formatDuration, formatNumber, formatPercent} from "./format.js";

const indicators = {
  followers: ["Follower (tutti i canali)", (v) => formatNumber(v)],
  followers_per_100_inhabitants: ["Follower ogni 100 abitanti", (v) => formatNumber(v, {digits: 1})],
  posts_per_week: ["Post a settimana", (v) => formatNumber(v, {digits: 1})],
  interactions_per_post: ["Interazioni per post", (v) => formatNumber(v, {digits: 1})],
  interactions_per_1000_inhabitants: ["Interazioni ogni 1.000 abitanti", (v) => formatNumber(v, {digits: 0})],
  engagement_rate_followers: ["Tasso di coinvolgimento sui follower", (v) => formatPercent(v, {digits: 2})],
  pct_answered: ["Richieste con risposta", (v) => formatPercent(v)],
  median_response_open_hours: ["Tempo mediano di risposta (ore d'ufficio)", (v) => formatDuration(v)],
  community_health_index: ["Indice di salute della community", (v) => formatNumber(v, {digits: 0})],
  regularity_score: ["Regolarità di pubblicazione", (v) => formatPercent(v)]
};

export function indicatorName(id) {
  return indicators[id]?.[0] ?? id;
}

export function indicatorFormat(id) {
  return indicators[id]?.[1] ?? ((v) => formatNumber(v, {digits: 2}));
}

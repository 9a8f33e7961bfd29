/**
 * `npx tsx transforms/headline.ts [WAREHOUSE]`: the headline figures per entity (pub_entity_summary) as a
 * Markdown table, one column per entity, for the README. Run after `ascolto transform`.
 */
import {fileURLToPath} from "node:url";
import {settings} from "../lib/config.ts";
import {queryJson, withWarehouse} from "../lib/duckdb.ts";

/** One row of pub_entity_summary, as the table needs it. */
export interface EntitySummary {
  entity_name: string;
  window_start: string;
  window_end: string;
  posts: number;
  citizen_comments: number | null;
  requests: number | null;
  pct_answered: number | null;
  pct_answered_low: number | null;
  pct_answered_high: number | null;
  median_response_hours: number | null;
  median_response_open_hours: number | null;
  net_sentiment: number | null;
  community_health_index: number | null;
  followers_per_100_inhabitants: number | null;
  pct_campaign_interactions_after_end: number | null;
}

const dash = "–";
const fixed = (digits: number) => (value: number | null) => (value === null ? dash : value.toFixed(digits));
const integer = (value: number | null) => (value === null ? dash : value.toLocaleString("en-US"));
const percent = (value: number | null) => (value === null ? dash : `${Math.round(100 * value)}%`);
const hours = (value: number | null) => (value === null ? dash : `${value.toFixed(1)} h`);
const signed = (value: number | null) => (value === null ? dash : `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value).toFixed(2)}`);

/** The rows of the table: a label (linking the metric dictionary) and how to print the entity's value. */
const lines: Array<[string, (s: EntitySummary) => string]> = [
  ["Posts published ([def](transforms/metrics.md#posts))", (s) => integer(s.posts)],
  ["Citizens' comments and replies", (s) => integer(s.citizen_comments)],
  ["Requests (questions, complaints)", (s) => integer(s.requests)],
  ["Response rate, 95% interval ([def](transforms/metrics.md#pct_answered))", (s) =>
    s.pct_answered === null ? dash : `${percent(s.pct_answered)} (${percent(s.pct_answered_low)}–${percent(s.pct_answered_high)})`],
  ["Median first response, wall clock ([def](transforms/metrics.md#response_time))", (s) => hours(s.median_response_hours)],
  ["Median first response, office hours", (s) => hours(s.median_response_open_hours)],
  ["Net sentiment ([def](transforms/metrics.md#net_sentiment))", (s) => signed(s.net_sentiment)],
  ["Community health index, 0–100 ([def](transforms/metrics.md#community_health_index))", (s) => fixed(0)(s.community_health_index)],
  ["Followers per 100 inhabitants ([def](transforms/metrics.md#benchmark))", (s) => fixed(1)(s.followers_per_100_inhabitants)],
  ["Campaign interactions after its end ([def](transforms/metrics.md#campaign))", (s) => percent(s.pct_campaign_interactions_after_end)]
];

/** The Markdown table: one row per figure, one column per entity, and the window it covers. */
export function headlineTable(summaries: EntitySummary[]): string {
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const [first] = summaries;
  return [
    row(["", ...summaries.map((s) => s.entity_name)]),
    row(["---", ...summaries.map(() => "---:")]),
    ...lines.map(([label, format]) => row([label, ...summaries.map(format)])),
    "",
    first ? `From ${first.window_start} to ${first.window_end} (pub_entity_summary).` : ""
  ].join("\n");
}

const summarySql = `
  select entity_name, window_start::varchar as window_start, window_end::varchar as window_end, posts, citizen_comments, requests,
    pct_answered, pct_answered_low, pct_answered_high, median_response_hours, median_response_open_hours, net_sentiment,
    community_health_index, followers_per_100_inhabitants, pct_campaign_interactions_after_end
  from pub_entity_summary
  order by population desc nulls last, entity_id`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const warehouse = settings({warehouse: process.argv[2]}).warehouse;
  const summaries = await withWarehouse(warehouse, (connection) => queryJson(connection, summarySql), {readOnly: true});
  if (!summaries.length) throw new Error(`${warehouse}: pub_entity_summary is empty (run \`ascolto transform\` first)`);
  console.log(headlineTable(summaries as unknown as EntitySummary[]));
}

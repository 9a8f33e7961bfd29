/** The transforms' DAG written down: models run in this order, each reading only models above it. */

export type Layer = "staging" | "intermediate" | "marts";

export interface Model {
  /** Relation name = file name (transforms/<layer>/<name>.sql), or the TypeScript step's table. */
  name: string;
  layer: Layer;
  /** view: staging; table: everything else; step: a TypeScript step that appends rows (text analysis). */
  materialized: "view" | "table" | "step";
  /** The columns that identify a row: tested unique and not null after every run. */
  grain?: string[];
  /** Public marts (pub_*) are safe for the public dashboard: no citizen named, groups of ≥ k authors. */
  public?: boolean;
  /** Rows an incremental run may carry over from the previous build (see carry-over.ts). */
  incremental?: Incremental;
}

/**
 * A model whose rows for one key depend only on its inputs' rows for that key: an incremental run rebuilds
 * the rows of the keys changes/<model>.sql returns, from the inputs restricted to those keys, and copies
 * the others from the previous build. Worth it only where recomputing costs more than copying: measured,
 * the counter snapshots of own posts copy about as slowly as they compute (docs/scaling.md).
 */
export interface Incremental {
  key: string[];
  /** The models this one reads that carry the key; restricted to the changed keys while its rows are rebuilt. */
  inputs: string[];
}

const view = (name: string): Model => ({name, layer: "staging", materialized: "view"});
const table = (name: string, grain: string[], incremental?: Incremental): Model =>
  ({name, layer: "intermediate", materialized: "table", grain, incremental});
const mart = (name: string, grain: string[]): Model =>
  ({name, layer: "marts", materialized: "table", grain, public: name.startsWith("pub_")});

export const models: Model[] = [
  view("stg_items"),
  view("stg_item_counts"),
  view("stg_authors"),
  view("stg_accounts"),
  view("stg_entity_accounts"),
  view("stg_entities"),
  view("stg_account_daily"),
  view("stg_item_raw"),
  view("stg_source_files"),

  table("int_owned_accounts", []),
  table("int_threads", ["platform", "item_id"]),
  table("int_item_base", ["item_key"]),
  table("int_clock", []),
  {name: "int_item_text", layer: "intermediate", materialized: "step", grain: ["item_key"]},
  // why: counters are appended, never rewritten, and an item's latest counters are computed from its own alone
  table("int_item_metrics", ["platform", "item_id"], {key: ["platform", "item_id"], inputs: ["stg_item_counts"]}),
  table("int_items", ["item_key"]),
  table("int_business_calendar", ["entity_id", "open_at"]),
  table("int_requests", ["item_key"]),
  table("int_count_snapshots", ["platform", "item_id", "observed_at"]),
  table("int_post_decay", ["platform", "item_id"]),
  table("int_followers_daily", ["platform", "account_id", "day"]),
  table("int_author_days", ["entity_id", "platform", "author_key", "day"]),
  table("int_campaign_items", ["campaign_id", "item_key"]),

  mart("pub_own_posts", ["platform", "item_id"]),
  mart("pub_reach_engagement", ["entity_id", "platform", "period", "period_start"]),
  mart("pub_hashtag_reach", ["platform", "hashtag", "month_start"]),
  mart("pub_post_decay_curve", ["platform", "item_id", "observed_at"]),
  mart("mart_customer_care", ["entity_id", "platform", "month_start"]),
  mart("pub_customer_care", ["entity_id", "platform", "month_start"]),
  mart("mart_unanswered_requests", ["platform", "item_id"]),
  mart("pub_requests_by_topic", ["entity_id", "topic", "month_start"]),
  mart("pub_publishing_weekly", ["entity_id", "platform", "week_start"]),
  mart("pub_publishing_regularity", ["entity_id", "platform"]),
  mart("pub_sentiment", ["entity_id", "platform", "topic", "month_start"]),
  mart("pub_emerging_terms", ["entity_id", "term_type", "term", "week_start"]),
  mart("pub_community_monthly", ["entity_id", "platform", "month_start"]),
  mart("pub_community_daily", ["entity_id", "platform", "day"]),
  mart("pub_campaigns", ["campaign_id"]),
  mart("pub_campaign_daily", ["campaign_id", "day"]),
  mart("mart_electoral_posts", ["period_id", "platform", "item_id"]),
  mart("pub_electoral_posts", ["period_id", "entity_id", "platform"]),
  mart("pub_benchmark", ["entity_id", "indicator_id"]),
  mart("pub_entity_summary", ["entity_id"]),
  mart("pub_response_times", ["entity_id", "platform", "month_start", "weekday", "hour", "band"]),
  mart("pub_metric_sources", ["platform", "format", "metric", "metric_source"]),
  mart("pub_entities", ["entity_id"]),
  mart("pub_sources", ["platform", "format"]),
  mart("pub_clock", []),
  mart("pub_freshness", ["entity_id", "platform"]),
  mart("pub_electoral_periods", ["period_id"])
];

/** Where a SQL model's file lives. */
export function modelUrl(model: Model): URL {
  return new URL(`./${model.layer}/${model.name}.sql`, import.meta.url);
}

/** Where the query listing an incremental model's changed keys lives. */
export function changesUrl(model: Model): URL {
  return new URL(`./changes/${model.name}.sql`, import.meta.url);
}

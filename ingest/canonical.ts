/** The canonical rows every parser emits: one vocabulary across platforms (see docs/warehouse.md). */

export type Platform =
  | "x" | "facebook" | "instagram" | "tiktok" | "youtube" | "telegram" | "whatsapp" | "mastodon";

export type ItemKind = "post" | "comment" | "reply" | "quote" | "repost" | "message";

export interface ItemRow {
  platform: Platform;
  item_id: string;
  account_id: string | null;
  author_id: string | null;
  /** ISO-8601 in UTC. */
  created_at: string | null;
  text: string | null;
  lang_hint: string | null;
  kind: ItemKind;
  parent_id: string | null;
  root_id: string | null;
  url: string | null;
  hashtags: string[];
  mentions: string[];
  media_count: number | null;
  /** The original record, serialised, for provenance. */
  raw: string;
}

export type CanonicalMetric =
  | "likes" | "replies" | "shares" | "quotes" | "views" | "impressions" | "reach" | "saves"
  | "reactions" | "bookmarks" | "interactions" | "video_views";

export interface CountRow {
  platform: Platform;
  item_id: string;
  metric: CanonicalMetric;
  /** The metric's name as the export spelled it. */
  metric_source: string;
  value: number;
}

export interface AuthorRow {
  platform: Platform;
  author_id: string;
  handle: string | null;
  name: string | null;
  followers: number | null;
}

export interface AccountRow {
  platform: Platform;
  account_id: string;
  handle: string | null;
  display_name: string | null;
  followers: number | null;
}

export interface AccountDailyRow {
  platform: Platform;
  account_id: string;
  /** YYYY-MM-DD. */
  day: string;
  followers: number | null;
  follows_gained: number | null;
  follows_lost: number | null;
  impressions: number | null;
  reach: number | null;
  profile_visits: number | null;
  engagements: number | null;
}

/** What a parser yields: any mix of canonical rows, in batches. */
export interface Rows {
  items?: ItemRow[];
  counts?: CountRow[];
  authors?: AuthorRow[];
  accounts?: AccountRow[];
  account_daily?: AccountDailyRow[];
  /** Records passed over by a named rule (e.g. "retweet without text"), counted in the file's report. */
  skipped?: Record<string, number>;
  /** The export's own date, when the file says it (ISO-8601 UTC). */
  exported_at?: string;
}

export const tableNames = ["items", "counts", "authors", "accounts", "account_daily"] as const;

/** An item with every optional field empty: parsers spread it and set what they know. */
export function item(platform: Platform, item_id: string, kind: ItemKind, raw: unknown): ItemRow {
  return {
    platform, item_id, kind, account_id: null, author_id: null, created_at: null, text: null, lang_hint: null,
    parent_id: null, root_id: null, url: null, hashtags: [], mentions: [], media_count: null,
    raw: JSON.stringify(raw)
  };
}

/** Count rows for the metrics that are present (numbers, not null). */
export function counts(
  platform: Platform,
  item_id: string,
  metrics: Array<[CanonicalMetric, string, number | null | undefined]>
): CountRow[] {
  return metrics
    .filter((entry): entry is [CanonicalMetric, string, number] => typeof entry[2] === "number" && Number.isFinite(entry[2]))
    .map(([metric, metric_source, value]) => ({platform, item_id, metric, metric_source, value}));
}

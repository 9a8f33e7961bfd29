/**
 * Column names of Meta's Insights CSV exports in the UI languages met so far (English, Italian, a few
 * Swedish), mapped to canonical fields. Headers follow the exporting user's UI language; columns not
 * listed here stay in `raw`.
 */
import type {AccountDailyRow, CanonicalMetric} from "../canonical.ts";

/** A header as compared: accents, case, curly apostrophes and repeated spaces ignored. */
export function headerKey(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s+/g, " ").trim().toLowerCase();
}

/** Descriptive columns of the per-post (content) exports. */
export const contentFields = {
  post_id: ["Post ID", "ID del post", "ID post", "ID contenuto", "Video asset ID", "ID della risorsa video", "ID risorsa video", "Publicerings-id"],
  page_id: ["Page ID", "ID della Pagina", "ID Pagina", "Sid-id"],
  account_id: ["Account ID", "ID account", "ID dell'account"],
  username: ["Account username", "Nome utente dell'account", "Nome utente account"],
  account_name: ["Account name", "Nome account", "Nome dell'account"],
  page_name: ["Page name", "Nome della Pagina", "Nome Pagina", "Sidnamn"],
  title: ["Title", "Titolo"],
  description: ["Description", "Descrizione", "Post Message"],
  publish_time: ["Publish time", "Orario di pubblicazione", "Ora di pubblicazione", "Posted", "Publiceringstid"],
  permalink: ["Permalink", "Link permanente"],
  post_type: ["Post type", "Tipo di post", "Type"],
  period: ["Date", "Data"]
} as const;

export type ContentField = keyof typeof contentFields;

/** Per-post counters: canonical metric and the spellings that carry it. */
export const contentMetrics: Array<[CanonicalMetric, string[]]> = [
  ["views", ["Views", "Visualizzazioni"]],
  ["impressions", ["Impressions", "Impressioni", "Lifetime Post Total Impressions"]],
  ["reach", ["Reach", "Copertura", "Lifetime Post Total Reach"]],
  ["interactions", ["Reactions, Comments and Shares", "Reazioni, commenti e condivisioni", "Interactions", "Interazioni"]],
  ["reactions", ["Reactions", "Reazioni"]],
  ["likes", ["Likes", "Mi piace"]],
  ["replies", ["Comments", "Commenti"]],
  ["shares", ["Shares", "Condivisioni"]],
  ["saves", ["Saves", "Salvataggi"]],
  ["video_views", ["3-second video views", "Visualizzazioni del video di 3 secondi", "Visualizzazioni di 3 secondi"]]
];

export type DailyField = Exclude<keyof AccountDailyRow, "platform" | "account_id" | "day">;

/**
 * Daily page/account columns, first spelling present wins. Legacy Page Insights (to 2023) counted Page
 * likes, which were the audience before followers replaced them.
 */
export const dailyFields: Array<[DailyField, string[]]> = [
  ["followers", ["Followers", "Follower", "Totale follower", "Lifetime Total Followers", "Lifetime Total Likes"]],
  ["follows_gained", ["New followers", "Nuovi follower", "Follows", "Follow", "Daily New Followers", "Daily New Likes"]],
  ["follows_lost", ["Unfollows", "Unfollow", "Follower persi", "Daily Unfollows", "Daily Unlikes"]],
  ["impressions", ["Impressions", "Impressioni", "Views", "Visualizzazioni", "Daily Total Impressions"]],
  ["reach", ["Reach", "Copertura", "Viewers", "Spettatori", "Account raggiunti", "Daily Total Reach"]],
  ["profile_visits", ["Page visits", "Profile visits", "Facebook visits", "Visite alla Pagina", "Visite al profilo", "Visite", "Daily Logged-in Page Views"]],
  ["engagements", ["Engagements", "Content interactions", "Interazioni con i contenuti", "Daily Page Engaged Users"]]
];

/** Columns of a daily export that name the account rather than measure it. */
export const dailyAccountFields = {
  date: ["Date", "Data"],
  page_id: [...contentFields.page_id, ...contentFields.account_id],
  name: [...contentFields.page_name, ...contentFields.account_name],
  username: contentFields.username
} as const;

/** The header, of those given, that one of `spellings` names; first spelling wins. */
export function pickHeader(headers: readonly string[], spellings: readonly string[]): string | null {
  const byKey = new Map(headers.map((header) => [headerKey(header), header]));
  for (const spelling of spellings) {
    const header = byKey.get(headerKey(spelling));
    if (header !== undefined) return header;
  }
  return null;
}

/** Legacy Page Insights columns: every one starts with its period ("Daily Total Reach"). */
export const legacyColumn = /^(lifetime|daily|weekly|28 days) /i;

export type Shape = "content" | "daily" | "legacy-daily" | "single-metric";

/**
 * Which Meta export a CSV header is, or null. Specific on purpose: CrowdTangle (`Facebook Id`), Facepager
 * (`level`), twarc-csv, YouTube Takeout (`Comment ID`) and X/TikTok analytics (`Tweets published`,
 * `Video Views`) must not match.
 */
export function shapeOf(headers: readonly string[], fileName: string): Shape | null {
  const has = (spellings: readonly string[]) => pickHeader(headers, spellings) !== null;
  const first = headerKey(headers[0] ?? "");
  if (has(contentFields.post_id) && has(contentFields.publish_time) &&
    (has(contentFields.permalink) || has(contentFields.page_id) || has(contentFields.account_id))) return "content";
  if (first !== "date" && first !== "data") return null;
  const rest = headers.slice(1).filter((header) => header.trim() !== "");
  const legacy = rest.filter((header) => legacyColumn.test(header)).length;
  if (legacy >= 3 || (legacy >= 1 && /^Facebook Insights Data Export - /i.test(baseName(fileName)))) return "legacy-daily";
  const known = [...dailyFields.flatMap(([, spellings]) => spellings), ...dailyAccountFields.page_id,
    ...dailyAccountFields.name, ...dailyAccountFields.username].map(headerKey);
  const metrics = dailyFields.filter(([, spellings]) => has(spellings)).length;
  if (metrics >= 1 && rest.every((header) => known.includes(headerKey(header)))) return "daily";
  return null;
}

/** The last segment of a '/'-separated path. */
export function baseName(path: string): string {
  return path.split("/").pop() ?? path;
}

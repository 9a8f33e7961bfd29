/** Per-post Meta Insights exports (Business Suite content, legacy post level) to canonical rows. */
import {ParseError} from "../../lib/errors.ts";
import {counts, item, type CanonicalMetric, type Platform, type Rows} from "../canonical.ts";
import {blank, fixMojibake, hashtagsOf, mentionsOf, parseIsoDate, parseSlashDate, str, type NumberLocale} from "../values.ts";
import {countCell, idCell, type Cells} from "./meta-insights-cells.ts";
import {contentFields, contentMetrics, pickHeader, type ContentField} from "./meta-insights-headers.ts";

/** What a content file's header and first pass decided. */
export interface ContentContext {
  /** The header naming each known field in this file. */
  columns: Partial<Record<ContentField, string>>;
  /** Counter columns: canonical metric and the header as spelled. */
  metrics: Array<[CanonicalMetric, string]>;
  /** From the header set; a row whose `Post type` starts with "IG" is Instagram whatever this says. */
  platform: Platform;
  dayFirst: boolean;
  zone: string;
  locale: NumberLocale;
  /** The Page named by the file name, for exports without a Page ID column. */
  fileAccount: {id: string; name: string} | null;
}

/** Reads the header of a content export into a context (pure). */
export function contentContext(headers: readonly string[], options: Omit<ContentContext, "columns" | "metrics" | "platform">): ContentContext {
  const columns: ContentContext["columns"] = {};
  for (const [field, spellings] of Object.entries(contentFields) as Array<[ContentField, readonly string[]]>) {
    const header = pickHeader(headers, spellings);
    if (header !== null) columns[field] = header;
  }
  const metrics: ContentContext["metrics"] = [];
  for (const [metric, spellings] of contentMetrics) {
    for (const header of headers) if (pickHeader([header], spellings)) metrics.push([metric, header]);
  }
  // Instagram exports name an account and its username, Facebook ones a Page
  const platform = columns.username || (columns.account_id && !columns.page_id) ? "instagram" : "facebook";
  return {columns, metrics, platform, ...options};
}

// legacy exports repeat the header in row 2 as descriptions: "Lifetime: The number of people who saw..."
const legacyDescription = /^(lifetime|daily|weekly|28 days): /i;
const dateLike = /^\d{1,4}[/-]\d{1,2}[/-]\d{1,4}/;

/** Maps one row of a content export to an item, its counts and its account (pure). */
export function mapContentRow(cells: Cells, context: ContentContext): Rows {
  if (Object.values(cells).every(blank)) return {skipped: {"empty row": 1}};
  const {columns} = context;
  const cell = (field: ContentField) => (columns[field] ? cells[columns[field]] : undefined);
  const postId = idCell(cells, columns.post_id);
  if (!postId && Object.values(cells).some((value) => legacyDescription.test(value))) return {skipped: {"legacy description row": 1}};
  if (!postId) throw new ParseError("row without a post id", {field: columns.post_id});
  const period = str(cell("period"));
  // counts are kept as lifetime snapshots: a per-day breakdown would repeat each post once per day
  if (period && dateLike.test(period)) {
    throw new ParseError(`per-day breakdown (${columns.period} ${JSON.stringify(period)}) is not supported: export lifetime totals`, {field: columns.period});
  }
  const postType = str(cell("post_type"));
  const platform: Platform = postType && /^IG\b/i.test(postType) ? "instagram" : context.platform;
  // a video asset id is not a post id: it has no Graph post form
  const itemId = /video/i.test(columns.post_id ?? "") ? postId : graphPostId(platform, postId, idCell(cells, columns.page_id));
  const named = str(cell("account_name")) ?? str(cell("page_name"));
  const accountId = idCell(cells, columns.page_id) ?? idCell(cells, columns.account_id) ?? pageOfPostId(itemId) ??
    context.fileAccount?.id ?? null;
  // a file name's Page is the page of the whole file, whichever id names it
  const name = named ?? context.fileAccount?.name ?? null;
  const handle = str(cell("username"))?.replace(/^@/, "") ?? null;
  const rawText = str(cell("description")) ?? str(cell("title"));
  const text = rawText === null ? null : fixMojibake(rawText).replace(/\r\n?/g, "\n");
  const row = {
    ...item(platform, itemId, "post", cells),
    account_id: accountId,
    author_id: accountId,
    created_at: publishedAt(str(cell("publish_time")), context),
    text,
    root_id: itemId,
    url: str(cell("permalink")),
    hashtags: hashtagsOf(text),
    mentions: mentionsOf(text)
  };
  const owner = accountId ? {platform, handle, followers: null} : null;
  return {
    items: [row],
    counts: counts(platform, itemId, context.metrics.map(([metric, header]) => [metric, header, countCell(cells, header, context.locale)])),
    accounts: owner ? [{...owner, account_id: accountId!, display_name: name}] : [],
    authors: owner ? [{...owner, author_id: accountId!, name}] : []
  };
}

// Business Suite gives a Facebook post's bare id beside its Page id; the Graph API, CrowdTangle and
// Facepager name the same post "<page id>_<post id>": use that, so the post is one item across sources.
function graphPostId(platform: Platform, postId: string, pageId: string | null): string {
  return platform === "facebook" && pageId && !postId.includes("_") ? `${pageId}_${postId}` : postId;
}

// Graph-style post ids ("<page id>_<post id>") name their Page; legacy post-level exports use them.
function pageOfPostId(itemId: string): string | null {
  return /^(\d+)_\d+$/.exec(itemId)?.[1] ?? null;
}

function publishedAt(text: string | null, {dayFirst, zone, columns}: ContentContext): string | null {
  if (!text) return null;
  try {
    if (/^\d{4}-\d{2}-\d{2}/.test(text)) return parseIsoDate(text, {zone});
    return parseSlashDate(text, {dayFirst, zone});
  } catch (error) {
    if (error instanceof ParseError) throw new ParseError(error.reason, {field: columns.publish_time});
    throw error;
  }
}

import type {Rows} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {headerLine, readCsv, sniffDelimiter} from "../readers/csv.ts";
import type {SourceFile} from "../source-file.ts";
import {id, str} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";
import {mapV2Line, noteRoots, type V2Line} from "./x-tweet-v2.ts";

type Json = Record<string, any>;
type Cells = Record<string, string>;

const referenceTypes = ["replied_to", "retweeted", "quoted"] as const;

/**
 * One `twarc2 csv` row back into the v2 tweet it was flattened from (pure), read by header name: column
 * order and set differ between twarc-csv versions.
 */
export function twarcRowToTweet(cells: Cells): Json {
  const get = (name: string) => str(cells[name]);
  const author = {
    id: get("author.id") ?? get("author_id"),
    username: get("author.username"),
    name: get("author.name"),
    public_metrics: {followers_count: get("author.public_metrics.followers_count")}
  };
  return {
    id: get("id"),
    conversation_id: get("conversation_id"),
    author_id: get("author_id") ?? get("author.id"),
    in_reply_to_user_id: get("in_reply_to_user_id"),
    created_at: get("created_at"),
    text: unescapeText(cells.text),
    lang: get("lang"),
    referenced_tweets: references(cells),
    public_metrics: Object.fromEntries(
      ["like_count", "retweet_count", "reply_count", "quote_count", "bookmark_count", "impression_count"]
        .map((metric) => [metric, get(`public_metrics.${metric}`)])),
    entities: {
      hashtags: listCell(cells["entities.hashtags"], "entities.hashtags").map((tag) => (typeof tag === "string" ? {tag} : tag)),
      mentions: listCell(cells["entities.mentions"], "entities.mentions").map((user) => (typeof user === "string" ? {username: user} : user))
    },
    attachments: {media_keys: listCell(cells["attachments.media_keys"], "attachments.media_keys")},
    author,
    __twarc: {retrieved_at: get("__twarc.retrieved_at")}
  };
}

// Current versions: one id column per reference type; older ones: a JSON list in `referenced_tweets`.
function references(cells: Cells): Json[] {
  const refs = referenceTypes
    .map((type) => ({type, id: id(cells[`referenced_tweets.${type}.id`])}))
    .filter((ref) => ref.id);
  if (refs.length || !str(cells.referenced_tweets)) return refs;
  return listCell(cells.referenced_tweets, "referenced_tweets").filter((ref) => ref?.type && ref?.id);
}

function listCell(cell: string | undefined, field: string): any[] {
  const text = str(cell);
  if (!text) return [];
  try {
    const value = JSON.parse(text);
    return Array.isArray(value) ? value : [value];
  } catch {
    throw new ParseError(`${field} is not a JSON list: ${JSON.stringify(text.slice(0, 60))}`, {field});
  }
}

/** twarc-csv writes newlines as `\n` (or, with --json-encode-text, the whole text as a JSON string). */
function unescapeText(cell: string | undefined): string | null {
  const text = str(cell);
  if (!text) return null;
  if (/^".*"$/s.test(text)) {
    try {
      return JSON.parse(text) as string;
    } catch {
      // a text that merely starts and ends with a quote
    }
  }
  return text.replace(/\\n/g, "\n");
}

function lineOf(tweet: Json): V2Line {
  return {tweets: [tweet], users: tweet.author?.id ? [tweet.author] : [], errors: 0, others: 0, retrieved_at: tweet.__twarc.retrieved_at};
}

/** Maps one twarc-csv row to canonical rows (pure); `roots` comes from a first pass over the file. */
export function mapTwarcRow(cells: Cells, roots: Map<string, string>): Rows {
  const rows = mapV2Line(lineOf(twarcRowToTweet(cells)), roots);
  // provenance is the CSV row as written, not the tweet rebuilt from it
  for (const row of rows.items ?? []) row.raw = JSON.stringify(cells);
  return rows;
}

async function collectRoots(file: SourceFile): Promise<Map<string, string>> {
  const roots = new Map<string, string>();
  try {
    for await (const {cells} of readCsv(file)) noteRoots(lineOf(twarcRowToTweet(cells)), roots);
  } catch (error) {
    // the second pass reports a bad row with its line
    if (!(error instanceof ParseError)) throw error;
  }
  return roots;
}

async function* rowsOf(file: SourceFile) {
  for await (const {line, cells} of readCsv(file)) yield {line, value: cells};
}

function headerNames(head: string): Set<string> {
  const line = headerLine(head);
  return new Set(line.split(sniffDelimiter(line)).map((name) => name.trim().replace(/^"|"$/g, "")));
}

/** `twarc2 csv` output: one tweet per row, dotted JSON paths as headers. */
export const xTwarcCsv: Parser = {
  name: "x-twarc-csv",
  platform: "x",
  detect: ({head}) => {
    const names = headerNames(head);
    const has = (name: string) => names.has(name);
    // Facepager also writes dotted v2 paths, beside its own bookkeeping columns
    if (has("object_id") && has("query_status")) return false;
    return has("id") && has("text") && has("created_at") && (has("author_id") || has("author.id"))
      && [...names].some((name) => name.startsWith("public_metrics.") || name.startsWith("__twarc."));
  },
  async *parse(file) {
    const roots = await collectRoots(file);
    yield* mapRecords(file, rowsOf(file), (cells) => mapTwarcRow(cells, roots));
  }
};

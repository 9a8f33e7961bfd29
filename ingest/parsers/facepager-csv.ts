import type {ItemKind, ItemRow, Platform, Rows} from "../canonical.ts";
import {counts, item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {csvRecords, headerCells} from "../readers/csv.ts";
import {hashtagsOf, htmlToText, id, mentionsOf, parseIsoDate, str} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";
import {facepagerFields, type NodeFields} from "./facepager-fields.ts";

type Cells = Record<string, string>;

/** What later rows need to know about a node: their parent, by Facepager's own node id. */
export interface FacepagerNode {
  objectId: string | null;
  kind: ItemKind | "seed";
  rootId: string | null;
  accountId: string | null;
}

export interface FacepagerRow {
  rows: Rows;
  node?: FacepagerNode;
}

const skippedTypes: Record<string, string> = {
  offcut: "facepager offcut node (paging leftovers)",
  error: "facepager error node (failed query)",
  empty: "facepager empty node (query without results)",
  headers: "facepager headers node (HTTP headers)"
};

/**
 * Maps one Facepager node (a CSV row) to canonical rows (pure). `parentOf` gives the node already met
 * under the row's `parent_id`: comments link to their post through it, since Facepager's `id` and
 * `parent_id` are its own node numbers and only `object_id` is the platform's id.
 */
export function mapFacepagerRow(cells: Cells, parentOf: (nodeId: string) => FacepagerNode | undefined): FacepagerRow {
  const type = str(cells.object_type) ?? "";
  const objectId = id(cells.object_id);
  if (type === "seed" || cells.level === "0") return {rows: {skipped: {"facepager seed node": 1}}, node: {objectId, kind: "seed", rootId: null, accountId: null}};
  if (skippedTypes[type]) return {rows: {skipped: {[skippedTypes[type]!]: 1}}};
  if (type !== "data" && type !== "unpacked") throw new ParseError(`unknown facepager object_type ${JSON.stringify(type)}`, {field: "object_type"});
  const [module, resource = ""] = String(cells.query_type ?? "").split(/:(.*)/s);
  const platform: Platform | null = module === "Facebook" ? "facebook" : module === "YouTube" ? "youtube" : null;
  if (!platform) return {rows: {skipped: {"facepager node from another API than Facebook or YouTube": 1}}};
  const parent = parentOf(String(cells.parent_id ?? "").trim());
  const fields = facepagerFields(platform, resource, parent);
  if (!fields) return {rows: {skipped: {"facepager node of a query other than posts, videos or comments": 1}}};
  if (!objectId) throw new ParseError("facepager data node without object_id", {field: "object_id"});
  return mapNode(cells, platform, objectId, fields, parent);
}

function mapNode(cells: Cells, platform: Platform, itemId: string, fields: NodeFields, parent: FacepagerNode | undefined): FacepagerRow {
  const value = (names: string[]) => names.map((name) => str(cells[name])).find((v) => v !== null) ?? null;
  const created = value(fields.created);
  const html = value(fields.textHtml ?? []);
  const cleaned = fields.text.map((name) => str(cells[name])).filter((v): v is string => v !== null).join("\n\n") ||
    (html ? htmlToText(html) : null);
  const kind = fields.kind;
  // a YouTube reply's id is `<threadId>.<replyId>`
  const threadOf = platform === "youtube" && kind === "reply" && itemId.includes(".") ? itemId.split(".")[0]! : null;
  const parentId = kind === "post" ? null : value(fields.parent) ?? parent?.objectId ?? threadOf;
  const rootId = kind === "post" ? itemId : parent?.kind === "post" || parent?.kind === "seed" ? parentId : parent?.rootId ?? (kind === "comment" ? parentId : null);
  // a comment belongs to the page of its post, the `<pageId>_` of a Graph post id
  const accountId = value(fields.account) ?? parent?.accountId ?? (platform === "facebook" && rootId ? pageOf(rootId) : null);
  const authorId = value(fields.authorId);
  const authorName = value(fields.authorName);
  const row: ItemRow = {
    ...item(platform, itemId, kind, cells),
    account_id: accountId,
    author_id: authorId,
    created_at: created ? parseIsoDate(created) : null,
    text: cleaned,
    kind,
    parent_id: parentId,
    root_id: rootId,
    url: value(fields.url) ?? youtubeUrl(platform, itemId, rootId),
    hashtags: hashtagsOf(cleaned),
    mentions: mentionsOf(cleaned)
  };
  const metrics = fields.counts.map(([metric, names]) => {
    const name = names.find((column) => str(cells[column]) !== null);
    return [metric, name ?? names[0]!, name ? count(cells[name]!, name) : null] as const;
  });
  const authorIsChannel = kind === "post" && authorId !== null && authorId === accountId;
  return {
    rows: {
      items: [row],
      counts: counts(platform, itemId, metrics.map(([metric, name, n]) => [metric, name, n])),
      authors: authorId ? [{platform, author_id: authorId, handle: null, name: authorName, followers: null}] : [],
      accounts: accountId && kind === "post" ? [{platform, account_id: accountId, handle: null, display_name: authorIsChannel ? authorName : null, followers: null}] : []
    },
    node: {objectId: itemId, kind, rootId, accountId}
  };
}

// the links the YouTube API parser writes too
function youtubeUrl(platform: Platform, itemId: string, videoId: string | null): string | null {
  if (platform !== "youtube" || !videoId) return null;
  return videoId === itemId ? `https://www.youtube.com/watch?v=${videoId}` : `https://www.youtube.com/watch?v=${videoId}&lc=${itemId}`;
}

// a Graph post id is `<pageId>_<postId>`
function pageOf(postId: string): string | null {
  return /^(\d+)_\d+$/.exec(postId)?.[1] ?? null;
}

function count(text: string, field: string): number {
  const n = Number(text.trim());
  if (!Number.isFinite(n)) throw new ParseError(`unreadable count ${JSON.stringify(text)}`, {field});
  return n;
}

const fixedColumns = ["id", "parent_id", "level", "object_id", "object_type", "query_status", "query_time", "query_type"];

/** Facepager's CSV export ("All nodes" or "Selected nodes", long format) of Facebook Graph or YouTube queries. */
export const facepagerCsv: Parser = {
  name: "facepager-csv",
  platform: "facebook",
  detect: ({name, head}) => /\.(csv|txt|tsv)$/i.test(name) && fixedColumns.every((column) => headerCells(head).includes(column)),
  async *parse(file, {zone}) {
    const nodes = new Map<string, FacepagerNode>();
    let fetchedAt: string | null = null;
    yield* mapRecords(file, csvRecords(file), (cells: Cells) => {
      const wide = Object.keys(cells).find((column) => /^lvl_\d+_/.test(column));
      if (wide) throw new ParseError(`wide-format export (column ${wide}): export the nodes again without "wide format"`);
      const {rows, node} = mapFacepagerRow(cells, (nodeId) => nodes.get(nodeId));
      const nodeId = str(cells.id);
      if (node && nodeId) nodes.set(nodeId, node);
      const queried = str(cells.query_time);
      // query_time is the collecting machine's local time (Python's str(datetime.now()))
      if (queried && rows.items?.length) {
        const at = parseIsoDate(queried, {zone});
        if (!fetchedAt || at > fetchedAt) fetchedAt = at;
      }
      return rows;
    });
    if (fetchedAt) yield {exported_at: fetchedAt};
  }
};

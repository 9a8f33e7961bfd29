import type {Rows} from "../canonical.ts";
import {item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {headerLine, readCsv} from "../readers/csv.ts";
import {hashtagsOf, id, mentionsOf, isoField, str} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";

/** Authors already emitted in this file. */
export interface TakeoutState {
  seen: Set<string>;
}

// Header names changed case and order over the years ("Comment Create Timestamp", "Comment create timestamp").
function cellsByLowerName(cells: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(cells).map(([key, value]) => [key.toLowerCase(), value]));
}

/**
 * The text of a `Comment text` cell: comma-joined JSON segments (`{"text":"…"},{"text":"2:15","videoLink":…}`),
 * older `{"takeoutSegments":[…]}`, or plain text in the oldest files.
 */
export function segmentText(cell: string): string | null {
  const trimmed = cell.trim();
  if (!trimmed) return null;
  if (!trimmed.startsWith("{")) return str(trimmed);
  let parsed: unknown;
  try {
    parsed = JSON.parse(`[${trimmed}]`);
  } catch {
    throw new ParseError(`unreadable comment text segments ${JSON.stringify(trimmed.slice(0, 60))}`, {field: "Comment text"});
  }
  const first = (parsed as Array<Record<string, unknown>>)[0];
  const segments = Array.isArray(first?.takeoutSegments) ? first.takeoutSegments : parsed;
  return str((segments as Array<{text?: unknown}>).map((segment) => String(segment?.text ?? "")).join(""));
}

/** Maps one row of Takeout's `comments.csv` (the user's own comments on others' videos and posts) (pure). */
export function mapTakeoutComment(cells: Record<string, string>, state: TakeoutState): Rows {
  const row = cellsByLowerName(cells);
  const commentId = id(row["comment id"]);
  if (!commentId) throw new ParseError("comment without id", {field: "Comment ID"});
  const authorId = id(row["channel id"]);
  const videoId = id(row["video id"]);
  const postId = id(row["post id"]);
  // reply ids are `<parent>.<suffix>`; the parent column is missing from some years' files
  const parentId = id(row["parent comment id"]) ?? (commentId.includes(".") ? commentId.split(".")[0]! : null);
  const created_at = isoField(row["comment create timestamp"], "Comment create timestamp");
  const text = segmentText(row["comment text"] ?? "");
  const root = videoId ?? postId;
  return {
    items: [{
      ...item("youtube", commentId, parentId ? "reply" : "comment", cells),
      author_id: authorId, created_at, text,
      parent_id: parentId ?? root, root_id: root,
      url: videoId ? `https://www.youtube.com/watch?v=${videoId}&lc=${commentId}` : postId ? `https://www.youtube.com/post/${postId}` : null,
      hashtags: hashtagsOf(text), mentions: mentionsOf(text)
    }],
    authors: authorId && once(state, authorId) ? [{platform: "youtube", author_id: authorId, handle: null, name: null, followers: null}] : []
  };
}

function once(state: TakeoutState, key: string): boolean {
  if (state.seen.has(key)) return false;
  state.seen.add(key);
  return true;
}

/** Google Takeout, YouTube and YouTube Music: `comments/comments.csv` (also split `comments(1).csv`). */
export const youtubeTakeoutCsv: Parser = {
  name: "youtube-takeout-csv",
  platform: "youtube",
  detect: ({head}) => {
    const header = headerLine(head).toLowerCase();
    return ["comment id", "channel id", "comment create timestamp", "comment text"].every((name) => header.includes(name));
  },
  async *parse(file) {
    const state: TakeoutState = {seen: new Set()};
    async function* records() {
      for await (const {line, cells} of readCsv(file)) yield {line, value: cells};
    }
    yield* mapRecords(file, records(), (cells) => mapTakeoutComment(cells, state));
  }
};

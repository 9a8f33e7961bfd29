import type {AuthorRow, ItemRow, Rows} from "../canonical.ts";
import {counts, item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {readJson} from "../readers/json.ts";
import {hashtagsOf, id, mentionsOf, num, str} from "../values.ts";
import {entityFolder, numbered, type Json} from "./meta-rows.ts";
import {edgeData, firstSightings, graphTime, idInName, mergeRows, unwrapGraph, type GraphFile} from "./meta-graph.ts";
import {ParseError} from "../../lib/errors.ts";

/** The IG professional account a file is about, when the file says it (user node, paging URL). */
export interface InstagramAccount {
  id: string | null;
  handle: string | null;
  followers: number | null;
}

/** Where an IG comment hangs: the media, its owner, and the comment it answers. */
export interface MediaPlace {
  mediaId: string | null;
  accountId: string | null;
  parentId: string | null;
}

/** Maps one IG media object with its embedded comments and replies to canonical rows (pure). */
export function mapInstagramGraphMedia(media: Json, account: InstagramAccount): Rows {
  const itemId = id(media.id);
  if (!itemId) throw new ParseError("media without id", {field: "id"});
  const handle = str(media.username)?.toLowerCase() ?? account.handle;
  // `owner` comes back only to the account itself; the username is the key of last resort
  const accountId = id(media.owner?.id) ?? account.id ?? handle;
  const text = str(media.caption);
  const children = (media.children as Json | undefined)?.data;
  const row: ItemRow = {
    ...item("instagram", itemId, "post", media),
    account_id: accountId, author_id: accountId, created_at: graphTime(media.timestamp, "timestamp"), text, root_id: itemId,
    url: str(media.permalink), hashtags: hashtagsOf(text), mentions: mentionsOf(text),
    media_count: Array.isArray(children) ? children.length : media.media_type ? 1 : null
  };
  const owner = accountId ? {id: accountId, handle, followers: account.id === accountId ? account.followers : null} : null;
  const rows: Rows = {
    items: [row],
    counts: counts("instagram", itemId, [
      ["likes", "like_count", num(media.like_count)],
      ["replies", "comments_count", num(media.comments_count)]
    ]),
    accounts: owner ? [{platform: "instagram", account_id: owner.id, handle: owner.handle, display_name: null, followers: owner.followers}] : [],
    authors: owner ? [{platform: "instagram", author_id: owner.id, handle: owner.handle, name: null, followers: owner.followers}] : []
  };
  const place: MediaPlace = {mediaId: itemId, accountId, parentId: null};
  return mergeRows(rows, ...edgeData(media.comments).map((comment) => mapInstagramGraphComment(comment, place)));
}

/** Maps one IG comment and its `replies` (pure); replies are one level deep on Instagram. */
export function mapInstagramGraphComment(comment: Json, place: MediaPlace): Rows {
  const itemId = id(comment.id);
  if (!itemId) throw new ParseError("comment without id", {field: "id"});
  const mediaId = place.mediaId ?? id(comment.media?.id);
  const parentId = id(comment.parent_id) ?? place.parentId ?? mediaId;
  const handle = str(comment.from?.username ?? comment.username)?.toLowerCase() ?? null;
  const authorId = id(comment.from?.id) ?? handle;
  const text = str(comment.text);
  const row: ItemRow = {
    ...item("instagram", itemId, parentId && parentId !== mediaId ? "reply" : "comment", comment),
    account_id: place.accountId, author_id: authorId, created_at: graphTime(comment.timestamp, "timestamp"), text,
    parent_id: parentId, root_id: mediaId, hashtags: hashtagsOf(text), mentions: mentionsOf(text)
  };
  const authors: AuthorRow[] = authorId ? [{platform: "instagram", author_id: authorId, handle, name: null, followers: null}] : [];
  const rows: Rows = {items: [row], counts: counts("instagram", itemId, [["likes", "like_count", num(comment.like_count)]]), authors};
  const inner: MediaPlace = {...place, mediaId, parentId: itemId};
  return mergeRows(rows, ...edgeData(comment.replies).map((reply) => mapInstagramGraphComment(reply, inner)));
}

const mediaKeys = ["media_type", "permalink", "caption", "comments_count", "media_url", "media_product_type"];

/** Whether a file lists comments (`/{media-id}/comments` or `/{comment-id}/replies`) rather than media. */
export function isCommentList(file: GraphFile): boolean {
  if (file.edge) return file.edge === "comments" || file.edge === "replies";
  return !file.records.some((record) => mediaKeys.some((key) => record?.[key] !== undefined)) &&
    file.records.some((record) => record?.text !== undefined);
}

/** Where a standalone comments list hangs: the paging URL's object, else a number in the file name. */
export function placeOfComments(file: GraphFile, path: string): MediaPlace {
  const objectId = file.objectId ?? idInName(path);
  if (file.edge === "replies") return {mediaId: null, accountId: null, parentId: objectId};
  return {mediaId: objectId, accountId: null, parentId: null};
}

const metaTimestamp = /"timestamp"\s*:\s*"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}"/;

/** Meta Graph API JSON for an Instagram professional account: media with comments, or a comments edge. */
export const instagramGraph: Parser = {
  name: "instagram-graph",
  platform: "instagram",
  detect: ({head}) => metaTimestamp.test(head) && /^\s*[[{]/.test(head) &&
    /"(media_type|permalink|username|like_count|comments_count|text)"\s*:/.test(head) && !/"created_time"\s*:/.test(head),
  async *parse(file) {
    const graph = unwrapGraph(await readJson(file), ["media"]);
    const fresh = firstSightings();
    const fold = entityFolder();
    const tidy = (rows: Rows) => fold(fresh(rows));
    if (isCommentList(graph)) {
      const place = placeOfComments(graph, file.innerPath);
      yield* mapRecords(file, numbered(graph.records), (value) => tidy(mapInstagramGraphComment(value as Json, place)));
      return;
    }
    const node = graph.node;
    const account: InstagramAccount = {
      id: id(node?.id) ?? (graph.edge === "media" ? graph.objectId : null),
      handle: str(node?.username)?.toLowerCase() ?? null, followers: num(node?.followers_count)
    };
    if (account.id && node) yield fold({accounts: [{platform: "instagram", account_id: account.id, handle: account.handle, display_name: str(node.name), followers: account.followers}]});
    yield* mapRecords(file, numbered(graph.records), (value) => tidy(mapInstagramGraphMedia(value as Json, account)));
  }
};

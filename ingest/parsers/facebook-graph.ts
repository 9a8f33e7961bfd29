import type {AuthorRow, ItemRow, Rows} from "../canonical.ts";
import {counts, item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {readJson} from "../readers/json.ts";
import {hashtagsOf, id, mentionsOf, num, str} from "../values.ts";
import {entityFolder, numbered, syntheticId, type Json} from "./meta-rows.ts";
import {edgeData, firstSightings, graphTime, idInName, idPrefix, mergeRows, unwrapGraph, type GraphFile} from "./meta-graph.ts";
import {ParseError} from "../../lib/errors.ts";

/** The Page a file is about, when the file says it (a page node around the list). */
export interface FacebookPage {
  id: string | null;
  name: string | null;
  followers: number | null;
}

/** Where a comment hangs: the post (`<pageId>_<postId>`), the Page, and the comment it answers. */
export interface CommentPlace {
  postId: string | null;
  pageId: string | null;
  parentId: string | null;
}

/** Maps one Page post with its embedded `comments` edge to canonical rows (pure). */
export function mapFacebookGraphPost(post: Json, page: FacebookPage): Rows {
  const itemId = id(post.id);
  if (!itemId) throw new ParseError("post without id", {field: "id"});
  const fromId = id(post.from?.id);
  const pageId = idPrefix(itemId) ?? page.id ?? fromId;
  const text = str(post.message);
  const row: ItemRow = {
    ...item("facebook", itemId, "post", post),
    account_id: pageId,
    // the /posts edge lists only the Page's own posts and scripts often leave `from` out of the fields
    author_id: fromId ?? pageId,
    created_at: graphTime(post.created_time, "created_time"), text, root_id: itemId, url: str(post.permalink_url),
    hashtags: hashtagsOf(text), mentions: mentionsOf(text), media_count: attachmentCount(post.attachments)
  };
  const pageName = fromId && fromId === pageId ? str(post.from?.name) : page.name;
  const rows: Rows = {
    items: [row],
    counts: counts("facebook", itemId, [
      ["likes", "likes.summary.total_count", num(post.likes?.summary?.total_count)],
      ["reactions", "reactions.summary.total_count", num(post.reactions?.summary?.total_count)],
      ["shares", "shares.count", num(post.shares?.count)],
      ["replies", "comments.summary.total_count", num(post.comments?.summary?.total_count)]
    ]),
    authors: authorRows(post.from),
    accounts: pageId ? [{platform: "facebook", account_id: pageId, handle: null, display_name: pageName, followers: page.id === pageId ? page.followers : null}] : []
  };
  const place: CommentPlace = {postId: itemId, pageId, parentId: null};
  return mergeRows(rows, ...edgeData(post.comments).map((comment) => mapFacebookGraphComment(comment, place)));
}

/**
 * Maps one comment and its nested replies (pure). `from` is missing when the author is unknown to the
 * token (deleted, or another user's data without a Page token): the author stays null. Comment ids are
 * `<postId>_<commentId>` without the Page: when the file names no post, that prefix is all there is.
 */
export function mapFacebookGraphComment(comment: Json, place: CommentPlace): Rows {
  const stated = id(comment.id);
  const postId = place.postId ?? idPrefix(stated);
  // since v11 apps with Page Public Content Access get comments without ids
  const itemId = stated ?? syntheticId("fbgraph", [postId, place.parentId, str(comment.created_time), str(comment.message), id(comment.from?.id)]);
  const parentId = id(comment.parent?.id) ?? place.parentId ?? postId;
  const text = str(comment.message);
  const row: ItemRow = {
    ...item("facebook", itemId, parentId && parentId !== postId ? "reply" : "comment", comment),
    account_id: place.pageId, author_id: id(comment.from?.id), created_at: graphTime(comment.created_time, "created_time"), text,
    parent_id: parentId, root_id: postId, url: str(comment.permalink_url),
    hashtags: hashtagsOf(text), mentions: mentionsOf(text), media_count: comment.attachment ? 1 : 0
  };
  const rows: Rows = {
    items: [row],
    counts: counts("facebook", itemId, [
      ["likes", "like_count", num(comment.like_count)],
      ["replies", comment.comment_count !== undefined ? "comment_count" : "comments.summary.total_count",
        num(comment.comment_count ?? comment.comments?.summary?.total_count)]
    ]),
    authors: authorRows(comment.from)
  };
  const inner: CommentPlace = {...place, postId, parentId: itemId};
  return mergeRows(rows, ...edgeData(comment.comments).map((reply) => mapFacebookGraphComment(reply, inner)));
}

function attachmentCount(attachments: unknown): number | null {
  const data = edgeData(attachments);
  if (!(attachments as Json | undefined)?.data) return null;
  return data.reduce((n, a) => n + Math.max(edgeData(a?.subattachments).length, a?.media ? 1 : 0), 0);
}

function authorRows(from: Json | undefined): AuthorRow[] {
  const authorId = id(from?.id);
  return authorId ? [{platform: "facebook", author_id: authorId, handle: null, name: str(from?.name), followers: null}] : [];
}

const postKeys = ["shares", "reactions", "likes", "full_picture", "attachments", "status_type", "story", "is_published", "privacy", "comments"];
const commentKeys = ["like_count", "comment_count", "parent", "attachment", "can_remove", "can_hide", "user_likes", "is_hidden"];
const commentEdges = new Set(["comments"]);

/** Whether a file lists comments (a `/{post-id}/comments` response) rather than posts. */
export function isCommentList(file: GraphFile): boolean {
  if (file.edge) return commentEdges.has(file.edge);
  const has = (keys: string[]) => file.records.some((record) => keys.some((key) => record?.[key] !== undefined));
  return !has(postKeys) && has(commentKeys);
}

/**
 * Where a standalone comments list hangs: the paging URL's object (a post `<pageId>_<postId>`, or a comment
 * when replies were listed), else an id in the file name that agrees with the comment ids.
 */
export function placeOfComments(file: GraphFile, path: string): CommentPlace {
  const prefix = file.records.map((record) => idPrefix(id(record?.id))).find(Boolean) ?? null;
  const named = file.objectId ?? idInName(path);
  if (named && prefix && named.startsWith(`${prefix}_`)) return {postId: prefix, pageId: null, parentId: named};
  if (named && (!prefix || named === prefix || named.endsWith(`_${prefix}`))) return {postId: named, pageId: idPrefix(named), parentId: null};
  return {postId: null, pageId: null, parentId: null};
}

const createdTime = /"created_time"\s*:\s*"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}"/;

/** Meta Graph API JSON for a Facebook Page: feed/posts with embedded comments, or a comments edge. */
export const facebookGraph: Parser = {
  name: "facebook-graph",
  platform: "facebook",
  detect: ({head}) => createdTime.test(head) && /^\s*[[{]/.test(head),
  async *parse(file) {
    const graph = unwrapGraph(await readJson(file), ["posts", "feed", "published_posts"]);
    const fresh = firstSightings();
    const fold = entityFolder();
    const tidy = (rows: Rows) => fold(fresh(rows));
    if (isCommentList(graph)) {
      const place = placeOfComments(graph, file.innerPath);
      yield* mapRecords(file, numbered(graph.records), (value) => tidy(mapFacebookGraphComment(value as Json, place)));
      return;
    }
    const node = graph.node;
    const page: FacebookPage = {
      id: id(node?.id) ?? (graph.edge && graph.edge !== "comments" ? graph.objectId : null),
      name: str(node?.name), followers: num(node?.followers_count ?? node?.fan_count)
    };
    if (page.id && node) yield fold({accounts: [{platform: "facebook", account_id: page.id, handle: str(node.username), display_name: page.name, followers: page.followers}]});
    yield* mapRecords(file, numbered(graph.records), (value) => tidy(mapFacebookGraphPost(value as Json, page)));
  }
};

/** `collect facebook`: a Page's feed with embedded comments, and the full comment stream of posts where it is cut. */
import type {Reply} from "./http.ts";
import {classifyMeta, dataOf, metaSettings, nextPage, olderThan, withToken} from "./meta.ts";
import type {Followed, Source} from "./run.ts";
import {safeName, type Unit} from "./state.ts";

type Json = Record<string, any>;

const commentFields = "id,message,created_time,from,like_count,comment_count,parent{id},permalink_url,attachment";
const feedFields = [
  "id,message,created_time,permalink_url,from,shares",
  "reactions.limit(0).summary(true)",
  `comments.limit(25).summary(true){${commentFields},comments.limit(25){${commentFields}}}`
].join(",");

export interface FacebookOptions {
  page: string;
  since?: Date | null;
  env?: NodeJS.ProcessEnv;
}

/** The Graph API source for one Page (token and base URL from the environment). */
export function facebookSource({page, since = null, env = process.env}: FacebookOptions): Source {
  const {token, base} = metaSettings(env);
  const feed = (): Unit => ({name: `facebook-feed-${safeName(page)}`, url: `${base}/${encodeURIComponent(page)}/feed?fields=${encodeURIComponent(feedFields)}&limit=25`, page: 1});
  const comments = (postId: string): Unit => ({
    name: `facebook-comments-${safeName(postId)}`,
    url: `${base}/${encodeURIComponent(postId)}/comments?filter=stream&order=chronological&limit=100&fields=${encodeURIComponent(commentFields)}`,
    page: 1
  });
  return {
    platform: "facebook",
    source: page,
    secrets: [token],
    start: async () => [feed()],
    request: (url) => ({url: withToken(url, token)}),
    classify: (reply) => classifyMeta(reply),
    follow(unit: Unit, reply: Reply): Followed {
      const records = dataOf(reply.json);
      const next = nextPage(reply.json, base);
      if (!unit.name.startsWith("facebook-feed-")) return {next, units: [], records: records.length};
      const recent = records.filter((post) => !olderThan(post.created_time, since));
      const units = recent.filter(commentsCut).map((post) => comments(String(post.id)));
      // the feed runs newest first: once a page reaches past --since, older pages hold nothing wanted
      return {next: recent.length < records.length ? null : next, units, records: records.length};
    }
  };
}

/**
 * Whether a post's embedded comments are only part of them: the edge has a next page, or a comment
 * has more replies than came with it.
 */
export function commentsCut(post: Json): boolean {
  const edge = post.comments as Json | undefined;
  if (!edge) return false;
  if (typeof edge.paging?.next === "string") return true;
  return dataOf(edge).some((comment) => Number(comment.comment_count ?? 0) > dataOf(comment.comments).length || typeof comment.comments?.paging?.next === "string");
}

/** `collect instagram`: an IG professional account's media with embedded comments, and the full comments where cut. */
import type {Reply} from "./http.ts";
import {classifyMeta, dataOf, metaSettings, nextPage, olderThan, withToken} from "./meta.ts";
import type {Followed, Source} from "./run.ts";
import {safeName, type Unit} from "./state.ts";

type Json = Record<string, any>;

const replyFields = "id,text,timestamp,username,from,like_count,parent_id";
const commentFields = `id,text,timestamp,username,from,like_count,replies{${replyFields}}`;
// comments come embedded too: a standalone comments list does not say whose media it is, the media list does
const mediaFields = `id,caption,timestamp,media_type,permalink,username,like_count,comments_count,comments.limit(50){${commentFields}}`;

export interface InstagramOptions {
  user: string;
  since?: Date | null;
  env?: NodeJS.ProcessEnv;
}

/** The Graph API source for one Instagram professional account (the Page token of its linked Page). */
export function instagramSource({user, since = null, env = process.env}: InstagramOptions): Source {
  const {token, base} = metaSettings(env);
  const media = (): Unit => ({name: `instagram-media-${safeName(user)}`, url: `${base}/${encodeURIComponent(user)}/media?fields=${encodeURIComponent(mediaFields)}&limit=25`, page: 1});
  // the media id must be the first long number in the name: the parser reads it from there when paging says nothing
  const comments = (mediaId: string): Unit => ({
    name: `instagram-comments-${safeName(mediaId)}`,
    url: `${base}/${encodeURIComponent(mediaId)}/comments?fields=${encodeURIComponent(commentFields)}&limit=50`,
    page: 1
  });
  return {
    platform: "instagram",
    source: user,
    secrets: [token],
    start: async () => [media()],
    request: (url) => ({url: withToken(url, token)}),
    classify: (reply) => classifyMeta(reply),
    follow(unit: Unit, reply: Reply): Followed {
      const records = dataOf(reply.json);
      const next = nextPage(reply.json, base);
      if (!unit.name.startsWith("instagram-media-")) return {next, units: [], records: records.length};
      const recent = records.filter((item) => !olderThan(item.timestamp, since));
      const units = recent.filter(commentsCut).map((item) => comments(String(item.id)));
      return {next: recent.length < records.length ? null : next, units, records: records.length};
    }
  };
}

/** Whether a media's embedded comments are only part of them (a next page, or comments counted but not embedded). */
export function commentsCut(media: Json): boolean {
  const edge = media.comments as Json | undefined;
  if (typeof edge?.paging?.next === "string") return true;
  if (dataOf(edge).some((comment) => typeof comment.replies?.paging?.next === "string")) return true;
  // comments_count counts replies too: fewer embedded than counted means some are missing
  const embedded = dataOf(edge).reduce((n, comment) => n + 1 + dataOf(comment.replies).length, 0);
  return Number(media.comments_count ?? 0) > embedded;
}

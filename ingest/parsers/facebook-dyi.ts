import type {ItemRow, Rows} from "../canonical.ts";
import {item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {readJson, streamJsonArray} from "../readers/json.ts";
import {readHead, type SourceFile} from "../source-file.ts";
import {fixMojibakeDeep, hashtagsOf, mentionsOf, str} from "../values.ts";
import {duplicateRule, dyiTime, firstSighting, mediaName, type DyiOwner} from "./meta-dyi.ts";
import {entityFolder, ownerRows, syntheticId, type Json} from "./meta-rows.ts";

export interface FacebookDyiContext {
  /** From profile_information.json (or a Page's information file) beside the data file. */
  owner: DyiOwner | null;
}

interface Attachments {
  /** The first link or media file name: part of the synthetic id. */
  first: string | null;
  media: number;
  any: boolean;
}

// Attachments are `[{data: [{external_context}, {media}, {place}, {note: {media: [...]}}]}]`.
function readAttachments(attachments: unknown): Attachments {
  const entries: Json[] = (Array.isArray(attachments) ? attachments : []).flatMap((a: Json) => (Array.isArray(a?.data) ? a.data : []));
  const links = entries.map((e) => str(e?.external_context?.url) ?? mediaName(e?.media?.uri) ?? mediaName(e?.note?.media?.[0]?.uri));
  const media = entries.reduce((n, e) => n + (e?.media ? 1 : 0) + (Array.isArray(e?.note?.media) ? e.note.media.length : 0), 0);
  return {first: links.find(Boolean) ?? null, media, any: entries.length > 0};
}

/** Maps one record of your_posts_1.json to a post (pure); the owner is the channel and the author. */
export function mapFacebookDyiPost(record: Json, context: FacebookDyiContext): Rows {
  const post: Json = fixMojibakeDeep(record);
  const created_at = dyiTime(post.timestamp, "timestamp");
  const text = str((Array.isArray(post.data) ? post.data : []).find((d: Json) => typeof d?.post === "string")?.post);
  const attachments = readAttachments(post.attachments);
  // status changes with neither words nor attachments ("updated his status" with only update_timestamp)
  if (!text && !attachments.any) return {skipped: {"activity without text or attachment": 1}};
  const itemId = syntheticId("fbdyi", [post.timestamp, text, attachments.first]);
  const owner = context.owner?.id ?? null;
  const row: ItemRow = {
    ...item("facebook", itemId, "post", record),
    account_id: owner, author_id: owner, created_at, text, root_id: itemId,
    hashtags: hashtagsOf(text), mentions: mentionsOf(text), media_count: attachments.media
  };
  return {items: [row]};
}

/**
 * Maps one record of comments.json to the owner's comment (pure). The post it answers is named only in a
 * localized `title`, so channel and parent stay unknown.
 */
export function mapFacebookDyiComment(record: Json, context: FacebookDyiContext): Rows {
  const entry: Json = fixMojibakeDeep(record);
  const comment: Json | undefined = (Array.isArray(entry.data) ? entry.data : []).find((d: Json) => d?.comment)?.comment;
  const attachments = readAttachments(entry.attachments);
  const text = str(comment?.comment);
  if (!text && !attachments.any) return {skipped: {"comment without text or attachment": 1}};
  const stamp = comment?.timestamp ?? entry.timestamp;
  const created_at = dyiTime(stamp, "timestamp");
  const itemId = syntheticId("fbdyi", ["comment", stamp, text, attachments.first]);
  const author = context.owner ?? authorOf(comment);
  const row: ItemRow = {
    ...item("facebook", itemId, "comment", record),
    author_id: author?.id ?? null, created_at, text,
    hashtags: hashtagsOf(text), mentions: mentionsOf(text), media_count: attachments.media
  };
  return {items: [row], authors: author ? ownerRows("facebook", author).authors : []};
}

function authorOf(comment: Json | undefined): DyiOwner | null {
  const name = str(comment?.author);
  return name ? {id: name, handle: null, name} : null;
}

/**
 * The owner from profile_information.json (`profile_v2`, older `profile`) or a Page's information file.
 * DYI carries no numeric id: the name is the key, as comments.json's `author` writes it.
 */
export async function readFacebookOwner(file: SourceFile): Promise<DyiOwner | null> {
  const info = file.sibling(/^(profile_information|page_information|page_info)\.json$/);
  if (!info) return null;
  const json = fixMojibakeDeep(await readJson(info)) as Json;
  const profile: Json | undefined = Object.values(json ?? {}).find((v) => v && typeof v === "object" && v.name);
  const name = str(typeof profile?.name === "string" ? profile.name : profile?.name?.full_name);
  return name ? {id: name, handle: str(profile?.username)?.toLowerCase() ?? null, name} : null;
}

const postsHead = /^\s*\[\s*\{/;
const commentsHead = /"comments_v2"\s*:\s*\[|^\s*\{\s*"comments"\s*:\s*\[\s*(\]|\{\s*"timestamp")/;

/** Facebook "Download Your Information" JSON: own posts (your_posts_N.json) and own comments (comments.json). */
export const facebookDyi: Parser = {
  name: "facebook-dyi",
  platform: "facebook",
  detect: ({head}) =>
    commentsHead.test(head) ||
    (postsHead.test(head) && /"timestamp"\s*:\s*\d{9,}/.test(head) && /"data"\s*:\s*\[/.test(head) &&
      /"(post|update_timestamp|attachments)"\s*:/.test(head) && !/"reaction"\s*:\s*\{/.test(head)),
  async *parse(file) {
    const context: FacebookDyiContext = {owner: await readFacebookOwner(file)};
    const fresh = firstSighting();
    const fold = entityFolder();
    const isComments = await hasCommentsKey(file);
    const records = isComments ? streamJsonArray(file, {path: /^comments(_v2)?$/}) : streamJsonArray(file);
    const map = isComments ? mapFacebookDyiComment : mapFacebookDyiPost;
    yield fold(ownerRows("facebook", context.owner));
    yield* mapRecords(file, records, (value) => {
      const rows = map(value as Json, context);
      const row = rows.items?.[0];
      return row && !fresh(row.item_id) ? {skipped: {[duplicateRule]: 1}} : fold(rows);
    });
  }
};

// comments.json is an object holding the list; the posts files are the list itself
async function hasCommentsKey(file: SourceFile): Promise<boolean> {
  return /^(\uFEFF)?\s*\{/.test((await readHead(file, 4096)).toString("utf8"));
}

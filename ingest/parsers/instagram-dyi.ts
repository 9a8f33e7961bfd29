import type {ItemRow, Rows} from "../canonical.ts";
import {item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {readJson, streamJsonArray} from "../readers/json.ts";
import {readHead, type SourceFile} from "../source-file.ts";
import {fixMojibakeDeep, hashtagsOf, mentionsOf, str} from "../values.ts";
import {duplicateRule, dyiTime, firstSighting, mediaName, type DyiOwner} from "./meta-dyi.ts";
import {entityFolder, ownerRows, syntheticId, type Json} from "./meta-rows.ts";
import {ParseError} from "../../lib/errors.ts";

export interface InstagramDyiContext {
  /** From personal_information.json beside the data file; usernames are the only keys DYI has. */
  owner: DyiOwner | null;
}

/**
 * Maps one record of posts_1.json (pure). Carousels carry caption and time at the top level, single
 * media inside media[0].
 */
export function mapInstagramDyiPost(record: Json, context: InstagramDyiContext): Rows {
  const post: Json = fixMojibakeDeep(record);
  const media: Json[] = Array.isArray(post.media) ? post.media : [];
  const first: Json = media[0] ?? {};
  const stamp = post.creation_timestamp ?? first.creation_timestamp;
  const created_at = dyiTime(stamp, "creation_timestamp");
  const text = str(post.title) ?? str(first.title);
  if (!media.length && !text) return {skipped: {"post without media or caption": 1}};
  const itemId = syntheticId("igdyi", [stamp, text, mediaName(first.uri)]);
  const owner = context.owner?.id ?? null;
  const row: ItemRow = {
    ...item("instagram", itemId, "post", record),
    account_id: owner, author_id: owner, created_at, text, root_id: itemId,
    hashtags: hashtagsOf(text), mentions: mentionsOf(text), media_count: media.length
  };
  return {items: [row]};
}

/**
 * Maps one of the owner's comments (pure): `string_map_data` {Comment, Media Owner, Time}, or the older
 * `string_list_data` with the media owner in `title`. The post is unknown, its owner's channel is not.
 */
export function mapInstagramDyiComment(record: Json, context: InstagramDyiContext): Rows {
  const entry: Json = fixMojibakeDeep(record);
  const map: Json | undefined = entry.string_map_data;
  const listed: Json | undefined = Array.isArray(entry.string_list_data) ? entry.string_list_data[0] : undefined;
  if (map && !map.Time) {
    throw new ParseError(`comment without a Time entry (keys ${Object.keys(map).join(", ") || "none"})`, {field: "string_map_data"});
  }
  if (!map && !listed) throw new ParseError("comment without string_map_data or string_list_data");
  const stamp = map ? map.Time.timestamp : listed!.timestamp;
  const created_at = dyiTime(stamp, "Time");
  const text = str(map ? map.Comment?.value : listed!.value);
  const mediaOwner = str(map ? map["Media Owner"]?.value : entry.title)?.toLowerCase() ?? null;
  const itemId = syntheticId("igdyi", ["comment", stamp, text, mediaOwner]);
  const row: ItemRow = {
    ...item("instagram", itemId, "comment", record),
    account_id: mediaOwner, author_id: context.owner?.id ?? null, created_at, text,
    hashtags: hashtagsOf(text), mentions: mentionsOf(text)
  };
  const accounts = mediaOwner ? [{platform: "instagram" as const, account_id: mediaOwner, handle: mediaOwner, display_name: null, followers: null}] : [];
  return {items: [row], accounts};
}

/** The owner's username and name from personal_information.json (`profile_user[0].string_map_data`). */
export async function readInstagramOwner(file: SourceFile): Promise<DyiOwner | null> {
  const info = file.sibling("personal_information.json");
  if (!info) return null;
  const json = fixMojibakeDeep(await readJson(info)) as Json;
  const map: Json | undefined = json?.profile_user?.[0]?.string_map_data;
  const username = str(map?.Username?.value)?.toLowerCase();
  return username ? {id: username, handle: username, name: str(map?.Name?.value)} : null;
}

/** How many followers the owner has: every followers_N.json part beside this one, bare or wrapped. */
async function countFollowers(file: SourceFile): Promise<number> {
  const first = file.sibling(/^followers(_1)?\.json$/);
  const found = first ? [first] : [];
  for (let n = 2, next = file.sibling("followers_2.json"); next; next = file.sibling(`followers_${++n}.json`)) found.push(next);
  // a part given alone on the command line has no siblings: it counts for itself
  if (!found.some((part) => part.path === file.path)) found.push(file);
  let total = 0;
  for (const part of found) {
    const head = (await readHead(part, 4096)).toString("utf8").replace(/^\uFEFF/, "");
    for await (const _ of streamJsonArray(part, listKey(head))) total++;
  }
  return total;
}

// bare lists (posts_1.json, post_comments_1.json) or one wrapped list (`comments_reels_comments`)
function listKey(head: string): {path?: string} {
  if (/^\s*\[/.test(head)) return {};
  const key = /^\s*\{\s*"([^"]+)"\s*:\s*\[/.exec(head)?.[1];
  if (!key) throw new ParseError("expected a list, or an object whose first key holds the list");
  return {path: key};
}

type FileKind = "posts" | "comments" | "followers";

function kindOf(name: string, head: string): FileKind | null {
  if (/(^|\/)followers(_\d+)?\.json$/.test(name) && /"string_list_data"/.test(head)) return "followers";
  if (/"string_map_data"\s*:/.test(head) && /"(Comment|Media Owner)"\s*:/.test(head)) return "comments";
  if (/"comments_(media|reels)_comments"\s*:\s*\[/.test(head)) return "comments";
  if (/^\s*\[\s*\{/.test(head) && /"media"\s*:\s*\[/.test(head) && /"creation_timestamp"\s*:/.test(head) && /"uri"\s*:/.test(head)) return "posts";
  return null;
}

/** Instagram "Download Your Information" JSON: posts_1.json, post_comments_1.json, followers_1.json. */
export const instagramDyi: Parser = {
  name: "instagram-dyi",
  platform: "instagram",
  detect: ({name, head}) => kindOf(name, head) !== null,
  async *parse(file) {
    const head = (await readHead(file)).toString("utf8").replace(/^\uFEFF/, "");
    const kind = kindOf(file.innerPath, head);
    const context: InstagramDyiContext = {owner: await readInstagramOwner(file)};
    if (kind === "followers") {
      // the count is the whole list over all parts: every part reports the same total
      const followers = await countFollowers(file);
      yield context.owner ? ownerRows("instagram", context.owner, followers) : {skipped: {"followers without an owner (no personal_information.json)": followers}};
      return;
    }
    const fold = entityFolder();
    yield fold(ownerRows("instagram", context.owner));
    const records = streamJsonArray(file, listKey(head));
    const map = kind === "posts" ? mapInstagramDyiPost : mapInstagramDyiComment;
    const fresh = firstSighting();
    yield* mapRecords(file, records, (value) => {
      const rows = map(value as Json, context);
      const row = rows.items?.[0];
      return row && !fresh(row.item_id) ? {skipped: {[duplicateRule]: 1}} : fold(rows);
    });
  }
};

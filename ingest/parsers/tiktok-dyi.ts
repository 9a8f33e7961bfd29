import {createHash} from "node:crypto";
import type {ItemRow, Rows} from "../canonical.ts";
import {counts, item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {readJson} from "../readers/json.ts";
import {hashtagsOf, mentionsOf, num, parseIsoDate, str} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";

type Json = Record<string, any>;

export interface TiktokContext {
  /** The account's `userName` (from Profile), which is also its account id: the export has no numeric id. */
  owner: string | null;
  /** Zone of the export's zone-less times: UTC, per TikTok's help pages. */
  zone: string;
  /** Where the record sits, for errors: `Post.Posts.VideoList`. */
  section: string;
}

/** The sections of a TikTok export that ascolto reads, found by leaf name and parent key. */
export interface TiktokSections {
  videos: {section: string; list: Json[]} | null;
  comments: {section: string; list: Json[]} | null;
  profile: Json | null;
  fans: number | null;
  skipped: Record<string, number>;
}

// The same leaf name holds other people's videos under the watch history: only a post section is ours.
const postParents = new Set(["Post", "Posts", "Video", "Videos"]);
const historyParents = new Set(["Watch History", "Video Browsing History"]);

/** Finds the account's videos, comments, profile and followers anywhere in the export (keys vary by year). */
export function locateSections(data: Json): TiktokSections {
  const found: TiktokSections = {videos: null, comments: null, profile: null, fans: null, skipped: {}};
  const skip = (rule: string, n: number) => { if (n) found.skipped[rule] = (found.skipped[rule] ?? 0) + n; };
  const walk = (node: Json, path: string[]) => {
    for (const [key, value] of Object.entries(node)) {
      const here = [...path, key];
      if (key === "ProfileMap" && value && typeof value === "object") found.profile = value;
      else if (key === "ChatHistory" && value && typeof value === "object") {
        skip("direct message (private, not loaded)", Object.values(value).reduce((n: number, v) => n + (Array.isArray(v) ? v.length : 0), 0));
      } else if (Array.isArray(value)) {
        const section = here.join(".");
        if (key === "VideoList" && path.some((p) => historyParents.has(p))) skip("watch history (other accounts' videos)", value.length);
        else if (key === "VideoList" && path.some((p) => postParents.has(p))) found.videos = {section, list: value};
        else if (key === "CommentsList") found.comments = {section, list: value};
        else if (key === "FansList") found.fans = value.length;
        else skip("other activity, settings and shop records (not loaded)", value.length);
      } else if (value && typeof value === "object") walk(value, here);
    }
  };
  walk(data, []);
  return found;
}

// TikTok's help says the export's times are UTC; `zone` lets a user who knows otherwise say so.
function timeOf(record: Json, context: TiktokContext): string | null {
  const text = str(record.Date ?? record.date);
  if (!text) return null;
  try {
    return parseIsoDate(text, {zone: context.zone});
  } catch (error) {
    throw new ParseError((error as ParseError).reason, {field: `${context.section}.Date`});
  }
}

const videoId = /\/video\/(\d+)/;

/** The first URL of a `Link` cell, which may hold several separated by newlines. */
function linksOf(record: Json): string[] {
  return String(record.Link ?? record.link ?? record.VideoLink ?? record.url ?? "").split(/\s+/).filter((url) => /^https?:\/\//.test(url));
}

// The export has no ids for comments (nor for videos without a URL): a hash of stable fields stands in.
function syntheticId(kind: string, ...fields: Array<string | null>): string {
  return `ttdyi:${createHash("sha256").update(JSON.stringify([kind, ...fields])).digest("hex").slice(0, 24)}`;
}

/** Maps one video of the account's post list (`VideoList` under Post/Video) to canonical rows (pure). */
export function mapTiktokVideo(record: Json, context: TiktokContext): Rows {
  const created_at = timeOf(record, context);
  const links = linksOf(record);
  const text = str(record.Title ?? record.title ?? record.Description);
  const itemId = links.map((url) => videoId.exec(url)?.[1]).find(Boolean) ?? syntheticId("video", created_at, links[0] ?? null, text);
  const row: ItemRow = {
    ...item("tiktok", itemId, "post", record),
    account_id: context.owner, author_id: context.owner, created_at, text,
    root_id: itemId, url: links[0] ?? null, hashtags: hashtagsOf(text), mentions: mentionsOf(text), media_count: 1
  };
  const likesKey = ["Likes", "LikeCount", "likes", "likeCount"].find((key) => key in record);
  return {items: [row], counts: counts("tiktok", itemId, [["likes", likesKey ?? "Likes", likesKey ? num(record[likesKey]) : null]])};
}

/** Maps one of the account's own comments (`CommentsList`): the video it answers is mostly unknown (pure). */
export function mapTiktokComment(record: Json, context: TiktokContext): Rows {
  const created_at = timeOf(record, context);
  const text = str(record.comment ?? record.Comment);
  const target = linksOf(record).map((url) => videoId.exec(url)?.[1]).find(Boolean) ?? null;
  const itemId = syntheticId("comment", created_at, text, target);
  return {items: [{
    ...item("tiktok", itemId, "comment", record),
    author_id: context.owner, created_at, text, parent_id: target, root_id: target,
    hashtags: hashtagsOf(text), mentions: mentionsOf(text), media_count: str(record.photo ?? record.Photo) ? 1 : 0
  }]};
}

async function* listOf(list: Json[]) {
  for (const [index, value] of list.entries()) yield {index, value};
}

/** TikTok "Download your data" (JSON): `user_data_tiktok.json`, older `user_data.json`. */
export function tiktokDyiParser({zone = "UTC"}: {zone?: string} = {}): Parser {
  return {
    name: "tiktok-dyi",
    platform: "tiktok",
    detect: ({name, head}) =>
      /^\s*\{\s*"(Ads and data|Activity|App Settings|Comment|Direct Messages?|Income Plus Wallet Transactions|Location Review|Post|Profile|TikTok Shop|Tiktok Live|Your Activity|Video)"\s*:\s*[{[]/.test(head) &&
      (/"(VideoList|FansList|ProfileMap|CommentsList|ItemFavoriteList|ChatHistory|LoginHistoryList|SearchList)"/.test(head) || /(^|\/)user_data(_tiktok)?\.json$/i.test(name)),
    async *parse(file) {
      const data = await readJson(file);
      if (!data || typeof data !== "object" || Array.isArray(data)) throw new ParseError("not a TikTok export object", {file: file.path});
      const sections = locateSections(data as Json);
      const profile = sections.profile;
      const owner = str(profile?.userName ?? profile?.username);
      const followers = num(profile?.followerCount) ?? sections.fans;
      yield {
        skipped: sections.skipped,
        accounts: owner ? [{platform: "tiktok", account_id: owner, handle: owner.toLowerCase(), display_name: str(profile?.displayName ?? profile?.nickName), followers}] : [],
        authors: owner ? [{platform: "tiktok", author_id: owner, handle: owner.toLowerCase(), name: str(profile?.displayName ?? profile?.nickName), followers}] : []
      };
      if (sections.videos) {
        const context = {owner, zone, section: sections.videos.section};
        yield* mapRecords(file, listOf(sections.videos.list), (value) => mapTiktokVideo(value, context));
      }
      if (sections.comments) {
        const context = {owner, zone, section: sections.comments.section};
        yield* mapRecords(file, listOf(sections.comments.list), (value) => mapTiktokComment(value, context));
      }
    }
  };
}

/** The registered instance: zone-less times read as UTC. */
export const tiktokDyi = tiktokDyiParser();

/** CrowdTangle's value conventions, shared by its CSV and API parsers (pure). */
import {ParseError} from "../../lib/errors.ts";
import {blank, parseIsoDate} from "../values.ts";

/**
 * Offsets of the zone abbreviations a CrowdTangle dashboard prints after `Post Created`. Only
 * abbreviations with one meaning are listed; IST, CST, BST, AST... name several zones.
 */
const zoneOffsets: Record<string, string> = {
  UTC: "+00:00", GMT: "+00:00", WET: "+00:00", WEST: "+01:00", CET: "+01:00", CEST: "+02:00",
  EET: "+02:00", EEST: "+03:00", EST: "-05:00", EDT: "-04:00", PST: "-08:00", PDT: "-07:00"
};
const ambiguousZones = new Set(["IST", "CST", "BST", "AST", "ADT", "CDT", "MST", "MDT", "SST", "GST"]);

/** `2025-03-04 17:25:09 CET` (dashboard wall time and zone abbreviation) to ISO UTC. */
export function parseCrowdTangleTime(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?)\s+([A-Za-z]{2,5})$/.exec(text.trim());
  if (!m) throw new ParseError(`unrecognised CrowdTangle date ${JSON.stringify(text)}`, {field: "Post Created"});
  const zone = m[2]!.toUpperCase();
  if (ambiguousZones.has(zone)) throw new ParseError(`ambiguous time zone abbreviation ${zone} in ${JSON.stringify(text)}`, {field: "Post Created"});
  const offset = zoneOffsets[zone];
  if (!offset) throw new ParseError(`unknown time zone abbreviation ${zone} in ${JSON.stringify(text)}`, {field: "Post Created"});
  return parseIsoDate(`${m[1]}${offset}`);
}

/**
 * A count column: integers only, so any `.`, `,` or space between groups of three digits is a
 * thousands separator ("52.318" and "52,318" are 52318). Anything else is refused, not guessed.
 */
export function parseCount(value: unknown, field: string): number | null {
  if (typeof value === "number") return value;
  if (blank(value)) return null;
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (/^\d{1,3}([.,\s\u00a0\u202f']\d{3})+$/.test(text)) return Number(text.replace(/\D/g, ""));
  throw new ParseError(`unreadable count ${JSON.stringify(text)}`, {field});
}

/** The post's own id in a Facebook post URL: `…/posts/<id>`, `…/videos/<id>`, `permalink/<id>`, `?story_fbid=<id>`. */
export function facebookPostId(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new ParseError(`post URL ${JSON.stringify(url)} is not a URL`, {field: "URL"});
  }
  const query = parsed.searchParams.get("story_fbid") ?? parsed.searchParams.get("fbid");
  if (query && /^(\d+|pfbid\w+)$/.test(query)) return query;
  // the first segment is the page (`/<pageId>/posts/<postId>`): never the post
  const segments = parsed.pathname.split("/").filter(Boolean).slice(1);
  const last = segments.reverse().find((segment) => /^(\d+|pfbid\w+)$/.test(segment));
  if (!last) throw new ParseError(`no post id in URL ${JSON.stringify(url)}`, {field: "URL"});
  return last;
}

/** The shortcode of an Instagram post URL (`/p/<code>/`, `/reel/<code>/`, `/tv/<code>/`). */
export function instagramShortcode(url: string): string {
  const m = /instagram\.com\/(?:[\w.]+\/)?(?:p|reel|reels|tv)\/([\w-]+)/i.exec(url);
  if (!m) throw new ParseError(`no post shortcode in URL ${JSON.stringify(url)}`, {field: "URL"});
  return m[1]!;
}

/** Facebook reaction columns of the CSV, and their API statistics names; Like is one of them. */
export const reactionColumns = ["Likes", "Love", "Wow", "Haha", "Sad", "Angry", "Care"] as const;
export const reactionStatistics = ["likeCount", "loveCount", "wowCount", "hahaCount", "sadCount", "angryCount", "careCount", "thankfulCount"] as const;

/** The sum of the values present, or null when none is. */
export function sumPresent(values: Array<number | null>): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
}

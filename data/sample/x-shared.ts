/** Pieces shared by the X writers: t.co links and entities, users, counters at export time. */
import type {Random} from "./random.ts";
import type {Person} from "./people.ts";
import {bio, type ComuneSpec} from "./comuni.ts";
import {isoZ} from "./time.ts";

export interface XText {
  text: string;
  hashtags: Array<{start: number; end: number; tag: string}>;
  mentions: Array<{start: number; end: number; username: string}>;
  urls: Array<{start: number; end: number; url: string; expanded_url: string; display_url: string}>;
}

/** X's view of a text: links shortened to t.co, offsets in code points, `&<>` escaped as the API does. */
export function xText(rnd: Random, plain: string, replyTo: string[] = []): XText {
  let text = replyTo.map((h) => `@${h} `).join("") + plain;
  const urls: XText["urls"] = [];
  text = text.replace(/https?:\/\/[^\s)]+/g, (expanded) => {
    const url = `https://t.co/${rnd.chars(10, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")}`;
    urls.push({start: 0, end: 0, url, expanded_url: expanded, display_url: expanded.replace(/^https?:\/\/(www\.)?/, "").slice(0, 26)});
    return url;
  });
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const offset = (index: number) => Array.from(escaped.slice(0, index)).length;
  const hashtags = [...escaped.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => ({start: offset(m.index), end: offset(m.index) + Array.from(m[0]).length, tag: m[1]!}));
  const mentions = [...escaped.matchAll(/@(\w+)/g)].map((m) => ({start: offset(m.index), end: offset(m.index) + m[0].length, username: m[1]!}));
  for (const u of urls) {
    const at = escaped.indexOf(u.url);
    u.start = offset(at);
    u.end = u.start + u.url.length;
  }
  return {text: escaped, hashtags, mentions, urls};
}

export function userCreatedAt(rnd: Random): string {
  const year = rnd.int(2009, 2024);
  return isoZ(Date.UTC(year, rnd.int(0, 11), rnd.int(1, 28), rnd.int(0, 23), rnd.int(0, 59), rnd.int(0, 59)));
}

/** An API v2 user object (`includes.users[]`). */
export function v2User(rnd: Random, id: string, person: Person | null, spec: ComuneSpec, followers: number) {
  const own = !person;
  return {
    id,
    name: own ? spec.name : person.name,
    username: own ? spec.accounts.x.handle : person.handle,
    created_at: own ? spec.accounts.x.createdAt : userCreatedAt(rnd),
    description: own ? `Profilo istituzionale del ${spec.name}. ${bio}` : rnd.pick(["", "", "Vivo a " + spec.town, "Opinioni personali", bio]),
    location: own ? `${spec.town}, Italia` : rnd.pick(["", spec.town, "Italia"]),
    profile_image_url: `https://pbs.twimg.com/profile_images/${rnd.digits(19)}/avatar_normal.jpg`,
    protected: false,
    public_metrics: {
      followers_count: followers, following_count: own ? 180 : rnd.int(20, 900),
      tweet_count: own ? 6100 : rnd.int(10, 9000), listed_count: own ? 52 : rnd.int(0, 5), like_count: own ? 90 : rnd.int(0, 20_000)
    },
    verified: false
  };
}

/** X API v1.1 statuses, one per line, as twarc (v1) search writes them: ids as bare numbers past 2^53. */
import {allMessages} from "./ids.ts";
import {authorId, type SampleFile, type WriteContext} from "./output.ts";
import type {Person} from "./people.ts";
import type {ComuneWorld, Message, Post} from "./world.ts";
import {countAt} from "./world.ts";
import {snowflake} from "./ids.ts";
import {twitterDate} from "./time.ts";
import {userCreatedAt, xText} from "./x-shared.ts";
import {bio} from "./comuni.ts";

type Json = Record<string, unknown>;
const source = '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>';
/** Marks a number that must be written unquoted (JSON.stringify would quote a string, and a JS number loses digits). */
const bare = (digits: string) => `\u0000${digits}`;

export function writeXv1(context: WriteContext, comune: ComuneWorld): SampleFile {
  const {spec} = comune;
  const rnd = context.rnd.fork(`x-v1:${spec.entity_id}`);
  const statuses: Array<{at: number; status: Json}> = [];
  for (const post of comune.posts.filter((p) => p.platform === "x")) {
    const original = status(context, comune, post, null);
    statuses.push({at: post.at, status: original});
    for (const m of allMessages(post)) if (!m.gone) statuses.push({at: m.at, status: status(context, comune, post, m)});
    if (!post.author && rnd.chance(0.12)) {
      const fan = comune.citizens[rnd.int(0, comune.citizens.length - 1)]!;
      const when = post.at + rnd.int(5, 600) * 60_000;
      const id = snowflake(rnd, when);
      const head = `RT @${spec.accounts.x.handle}: ${String(original.full_text)}`;
      statuses.push({at: when, status: {
        ...envelope(id, when), full_text: head.length > 140 ? `${head.slice(0, 139)}…` : head, truncated: false,
        display_text_range: [0, Math.min(140, head.length)],
        entities: {hashtags: [], symbols: [], user_mentions: [mention(spec.accounts.x.handle, spec.name, spec.accounts.x.id, 3)], urls: []},
        user: user(context, comune, fan), retweeted_status: original, is_quote_status: false,
        retweet_count: original.retweet_count, favorite_count: 0
      }});
    }
    if (!post.author && rnd.chance(0.04)) {
      const fan = comune.citizens[rnd.int(0, comune.citizens.length - 1)]!;
      const when = post.at + rnd.int(30, 1800) * 60_000;
      const id = snowflake(rnd, when);
      const link = `https://twitter.com/${spec.accounts.x.handle}/status/${post.id}`;
      const x = xText(context.rnd.fork(`tco:${id}`), `${rnd.pick(["Finalmente!", "Era ora...", "Da condividere 👇", "Qualcuno ci ha capito qualcosa?"])} ${link}`);
      statuses.push({at: when, status: {
        ...envelope(id, when), full_text: x.text, truncated: false, display_text_range: [0, Array.from(x.text).length],
        entities: {hashtags: [], symbols: [], user_mentions: [], urls: x.urls.map((u) => ({url: u.url, expanded_url: u.expanded_url, display_url: u.display_url, indices: [u.start, u.end]}))},
        user: user(context, comune, fan), is_quote_status: true, quoted_status_id: bare(post.id), quoted_status_id_str: post.id,
        quoted_status: original, retweet_count: 0, favorite_count: rnd.poisson(2)
      }});
    }
  }
  statuses.sort((a, b) => b.at - a.at);
  const lines = statuses.map(({status: s}) => JSON.stringify(s).replace(/"\\u0000(\d+)"/g, "$1"));
  return {path: `x/${spec.entity_id}/twarc-search-to-${spec.accounts.x.handle}.jsonl`, data: lines.join("\n") + "\n", format: "x-api-v1", platform: "x", entity: spec.entity_id};
}

function envelope(id: string, at: number): Json {
  return {
    created_at: twitterDate(at), id: bare(id), id_str: id, metadata: {iso_language_code: "it", result_type: "recent"}, source,
    in_reply_to_status_id: null, in_reply_to_status_id_str: null, in_reply_to_user_id: null, in_reply_to_user_id_str: null,
    in_reply_to_screen_name: null, geo: null, coordinates: null, place: null, contributors: null, favorited: false, retweeted: false, lang: "it"
  };
}

function mention(handle: string, name: string, id: string, start: number) {
  return {screen_name: handle, name, id: bare(id), id_str: id, indices: [start, start + handle.length + 1]};
}

function status(context: WriteContext, comune: ComuneWorld, post: Post, m: Message | null): Json {
  const {spec} = comune;
  const id = m?.id ?? post.id;
  const at = m?.at ?? post.at;
  const author = m ? m.author : post.author;
  const parent = m?.parent ?? null;
  const parentAuthor = m ? (parent ? parent.author : null) : undefined;
  const replyHandle = m ? parentAuthor?.handle ?? spec.accounts.x.handle : null;
  const x = xText(context.rnd.fork(`tco:${id}`), m?.text ?? post.text, replyHandle ? [replyHandle] : []);
  const s: Json = {
    ...envelope(id, at), full_text: x.text, truncated: false,
    display_text_range: [replyHandle ? replyHandle.length + 2 : 0, Array.from(x.text).length],
    entities: {
      hashtags: x.hashtags.map((h) => ({text: h.tag, indices: [h.start, h.end]})), symbols: [],
      user_mentions: x.mentions.map((u) => {
        const person = comune.citizens.find((c) => c.handle === u.username);
        const uid = person ? authorId(context, comune, person, "x") : spec.accounts.x.id;
        return {screen_name: u.username, name: person?.name ?? spec.name, id: bare(uid), id_str: uid, indices: [u.start, u.end]};
      }),
      urls: x.urls.map((u) => ({url: u.url, expanded_url: u.expanded_url, display_url: u.display_url, indices: [u.start, u.end]}))
    },
    user: user(context, comune, author), is_quote_status: false,
    retweet_count: m ? 0 : countAt(post.final.shares, at, context.world.exportAt),
    favorite_count: countAt(m ? m.likes : post.final.likes, at, context.world.exportAt)
  };
  if (m) {
    const parentId = parent ? parent.id : post.id;
    const uid = parentAuthor ? authorId(context, comune, parentAuthor, "x") : spec.accounts.x.id;
    Object.assign(s, {
      in_reply_to_status_id: bare(parentId), in_reply_to_status_id_str: parentId, in_reply_to_user_id: bare(uid),
      in_reply_to_user_id_str: uid, in_reply_to_screen_name: replyHandle
    });
  }
  return s;
}

function user(context: WriteContext, comune: ComuneWorld, person: Person | null): Json {
  const {spec} = comune;
  const id = authorId(context, comune, person, "x");
  const rnd = context.rnd.fork(`user:${id}`);
  const created = person ? userCreatedAt(rnd) : spec.accounts.x.createdAt;
  return {
    id: bare(id), id_str: id, name: person?.name ?? spec.name, screen_name: person?.handle ?? spec.accounts.x.handle,
    location: person ? rnd.pick(["", spec.town, "Toscana"]) : `${spec.town}, Italia`,
    description: person ? rnd.pick(["", "", "Opinioni mie", bio]) : `Profilo istituzionale del ${spec.name}. ${bio}`,
    url: null, protected: false, followers_count: person?.followers ?? spec.accounts.x.followers,
    friends_count: person ? rnd.int(20, 800) : 140, listed_count: person ? 0 : 31, created_at: twitterDate(Date.parse(created)),
    favourites_count: person ? rnd.int(0, 5000) : 60, verified: false, statuses_count: person ? rnd.int(10, 8000) : 2400,
    lang: null, profile_image_url_https: `https://pbs.twimg.com/profile_images/${rnd.digits(19)}/avatar_normal.jpg`, default_profile: true
  };
}

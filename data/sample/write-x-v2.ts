/** X API v2 as twarc2 writes it: one response page per line (timeline, conversations, hashtag search). */
import {allMessages} from "./ids.ts";
import {authorId, type SampleFile, type WriteContext} from "./output.ts";
import type {ComuneWorld, Message, Post} from "./world.ts";
import {countAt} from "./world.ts";
import {isoZ} from "./time.ts";
import {v2User, xText} from "./x-shared.ts";

interface Node {
  post: Post;
  message: Message | null;
}

const at = (n: Node) => (n.message ?? n.post).at;
const idOf = (n: Node) => (n.message ?? n.post).id;
const authorOf = (n: Node) => (n.message ? n.message.author : n.post.author);

export function writeXv2(context: WriteContext, comune: ComuneWorld): SampleFile[] {
  const {spec} = comune;
  const posts = comune.posts.filter((p) => p.platform === "x");
  const nodes = posts.flatMap((post): Node[] => [{post, message: null}, ...allMessages(post).map((message) => ({post, message}))]);
  const live = nodes.filter((n) => !n.message?.gone);
  const byId = new Map(nodes.map((n) => [idOf(n), n]));
  const own = live.filter((n) => !authorOf(n));
  const replies = live.filter((n) => n.message && !n.post.author);
  const tagged = live.filter((n) => !n.message && (n.post.author || n.post.topic === "campagna" || n.post.text.includes(`#${spec.campaign.hashtag}`)));
  const handle = spec.accounts.x.handle;
  const file = (name: string, list: Node[], url: string): SampleFile => ({
    path: `x/${spec.entity_id}/${name}`, format: "x-api-v2", platform: "x", entity: spec.entity_id,
    data: pages(context, comune, list, byId, url).map((page) => JSON.stringify(page)).join("\n") + "\n"
  });
  return [
    file("twarc2-timeline-ComuneBorgoverde.jsonl".replace("ComuneBorgoverde", handle), own,
      `https://api.twitter.com/2/users/${spec.accounts.x.id}/tweets`),
    file("twarc2-conversations.jsonl", replies, "https://api.twitter.com/2/tweets/search/all"),
    file(`twarc2-search-${spec.campaign.hashtag}.jsonl`, tagged, "https://api.twitter.com/2/tweets/search/all")
  ];
}

function pages(context: WriteContext, comune: ComuneWorld, list: Node[], byId: Map<string, Node>, url: string) {
  const sorted = [...list].sort((a, b) => at(b) - at(a));
  const out = [];
  for (let i = 0; i < sorted.length; i += 100) {
    const page = sorted.slice(i, i + 100);
    const data = page.map((n) => v2Tweet(context, comune, n));
    const users = new Map<string, unknown>();
    const tweets = new Map<string, unknown>();
    const errors: unknown[] = [];
    const addUser = (n: Node) => {
      const id = authorId(context, comune, authorOf(n), "x");
      if (!users.has(id)) users.set(id, v2User(context.rnd.fork(`user:${id}`), id, authorOf(n), comune.spec, followersOf(comune, n)));
    };
    for (const n of page) {
      addUser(n);
      const parent = parentOf(n);
      if (!parent) continue;
      const parentNode = byId.get(parent.id)!;
      if (parent.gone) {
        errors.push({
          value: parent.id, detail: `Could not find tweet with referenced_tweets.id: [${parent.id}].`, title: "Not Found Error",
          resource_type: "tweet", parameter: "referenced_tweets.id", resource_id: parent.id,
          type: "https://api.twitter.com/2/problems/resource-not-found"
        });
        continue;
      }
      addUser(parentNode);
      if (!tweets.has(parent.id)) tweets.set(parent.id, v2Tweet(context, comune, parentNode));
    }
    const last = i + 100 >= sorted.length;
    out.push({
      data,
      includes: {users: [...users.values()], tweets: [...tweets.values()]},
      ...(errors.length ? {errors} : {}),
      meta: {
        newest_id: idOf(page[0]!), oldest_id: idOf(page[page.length - 1]!), result_count: page.length,
        ...(last ? {} : {next_token: context.rnd.fork(`token:${url}:${i}`).chars(28, "abcdefghijklmnopqrstuvwxyz0123456789")})
      },
      __twarc: {url: `${url}?max_results=100&expansions=author_id,in_reply_to_user_id,referenced_tweets.id&tweet.fields=public_metrics,conversation_id,entities,created_at,lang`, version: "2.14.0", retrieved_at: `2025-06-30T21:${String(15 + (i / 100) % 40).padStart(2, "0")}:0${(i / 100) % 10}+00:00`}
    });
  }
  return out;
}

function parentOf(n: Node): {id: string; gone: boolean} | null {
  if (!n.message) return null;
  return n.message.parent ? {id: n.message.parent.id, gone: n.message.parent.gone} : {id: n.post.id, gone: false};
}

function followersOf(comune: ComuneWorld, n: Node): number {
  const person = authorOf(n);
  return person ? person.followers : comune.spec.accounts.x.followers;
}

export function v2Tweet(context: WriteContext, comune: ComuneWorld, n: Node) {
  const {world} = context;
  const id = idOf(n);
  const author = authorOf(n);
  const parent = n.message?.parent ?? null;
  const replyHandle = n.message ? (parent ? parent.author?.handle ?? comune.spec.accounts.x.handle : comune.spec.accounts.x.handle) : null;
  const x = xText(context.rnd.fork(`tco:${id}`), n.message?.text ?? n.post.text, n.message && replyHandle ? [replyHandle] : []);
  const likes = n.message ? n.message.likes : n.post.final.likes;
  const created = at(n);
  const replies = n.message ? n.message.children.length : n.post.comments.length;
  const tweet: Record<string, unknown> = {
    id, text: x.text, author_id: authorId(context, comune, author, "x"), created_at: isoZ(created),
    conversation_id: n.post.id, lang: "it", possibly_sensitive: false, reply_settings: "everyone",
    edit_history_tweet_ids: [id],
    edit_controls: {edits_remaining: 5, is_edit_eligible: !n.message, editable_until: isoZ(created + 3_600_000)},
    public_metrics: {
      retweet_count: n.message ? 0 : countAt(n.post.final.shares, created, world.exportAt),
      reply_count: replies, like_count: countAt(likes, created, world.exportAt), quote_count: 0,
      bookmark_count: n.message ? 0 : Math.round(countAt(likes, created, world.exportAt) / 15),
      impression_count: n.message ? likes * 25 + 40 : countAt(n.post.final.views, created, world.exportAt)
    },
    entities: {
      ...(x.hashtags.length ? {hashtags: x.hashtags} : {}),
      ...(x.mentions.length ? {mentions: x.mentions.map((m) => ({...m, id: mentionId(context, comune, n, m.username)}))} : {}),
      ...(x.urls.length ? {urls: x.urls} : {})
    }
  };
  if (n.message) {
    tweet.in_reply_to_user_id = parent ? authorId(context, comune, parent.author, "x") : comune.spec.accounts.x.id;
    tweet.referenced_tweets = [{type: "replied_to", id: parent ? parent.id : n.post.id}];
  }
  if (!Object.keys(tweet.entities as object).length) delete tweet.entities;
  return tweet;
}

function mentionId(context: WriteContext, comune: ComuneWorld, n: Node, username: string): string {
  const parent = n.message?.parent;
  if (parent?.author && parent.author.handle === username) return authorId(context, comune, parent.author, "x");
  const person = comune.citizens.find((c) => c.handle === username);
  return person ? authorId(context, comune, person, "x") : comune.spec.accounts.x.id;
}

import type {AccountRow, AuthorRow, CountRow, ItemRow, Rows} from "../canonical.ts";
import {counts, item} from "../canonical.ts";
import {id, num, parseIsoDate, str} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";
import {entityHashtags, entityMentions, statusUrl, tweetText} from "./x-text.ts";

type Json = Record<string, any>;

/** What a v2 tweet is read against: the users and tweets of its page, and the threads' root authors. */
export interface V2Context {
  users: Map<string, Json>;
  tweets: Map<string, Json>;
  /** conversation id → the root tweet's author, gathered over the whole file. */
  roots: Map<string, string>;
}

/** The tweets and users one line holds, whatever its shape: a page, a stream message or a flattened tweet. */
export interface V2Line {
  /** The line's own tweets first, then the tweets they reference. */
  tweets: Json[];
  users: Json[];
  errors: number;
  /** Objects in `data` that are not tweets (user lookups, counts). */
  others: number;
  retrieved_at: string | null;
}

/** Unpacks a twarc2 line: `{data: [...], includes}` page, `{data: {...}, matching_rules}` stream, or a flattened tweet. */
export function unpackV2Line(value: Json): V2Line {
  const retrieved_at = str(value.__twarc?.retrieved_at);
  if (!("data" in value) && "id" in value) {
    const tweets: Json[] = [];
    const users: Json[] = [];
    const walk = (tweet: Json) => {
      tweets.push(tweet);
      for (const user of [tweet.author, tweet.in_reply_to_user]) if (user?.id) users.push(user);
      for (const ref of tweet.referenced_tweets ?? []) if (isTweet(ref)) walk(ref);
    };
    walk(value);
    return {tweets, users, errors: 0, others: 0, retrieved_at};
  }
  const data: Json[] = Array.isArray(value.data) ? value.data : value.data ? [value.data] : [];
  const own = data.filter(isTweet);
  return {
    tweets: [...own, ...((value.includes?.tweets ?? []) as Json[]).filter(isTweet)],
    users: (value.includes?.users ?? []) as Json[],
    errors: (value.errors ?? []).length,
    others: data.length - own.length,
    retrieved_at
  };
}

// a reference without the tweet's fields (deleted, or not expanded) is only {type, id}
function isTweet(value: Json): boolean {
  return Boolean(value && typeof value === "object" && value.id && ("text" in value || "author_id" in value));
}

/** Notes the author of every thread root a line reveals: the root itself, or a direct reply's `in_reply_to_user_id`. */
export function noteRoots(line: V2Line, roots: Map<string, string>): void {
  for (const tweet of line.tweets) {
    const tweetId = id(tweet.id);
    const conversation = id(tweet.conversation_id);
    if (!conversation) continue;
    const author = id(tweet.author_id ?? tweet.author?.id);
    if (tweetId === conversation && author) roots.set(conversation, author);
    const parent = (tweet.referenced_tweets ?? []).find((ref: Json) => ref?.type === "replied_to");
    const parentAuthor = id(tweet.in_reply_to_user_id);
    if (parent && id(parent.id) === conversation && parentAuthor && !roots.has(conversation)) roots.set(conversation, parentAuthor);
  }
}

/** Maps one v2 tweet to its item and counts (pure). */
export function mapV2Tweet(tweet: Json, context: V2Context): {item: ItemRow; counts: CountRow[]} {
  const itemId = id(tweet.id);
  if (!itemId) throw new ParseError("tweet without id", {field: "id"});
  const created = str(tweet.created_at);
  if (!created) throw new ParseError(`tweet ${itemId} without created_at`, {field: "created_at"});
  const authorId = id(tweet.author_id ?? tweet.author?.id);
  const refs: Json[] = tweet.referenced_tweets ?? [];
  const ref = (type: string) => refs.find((r) => r?.type === type);
  const retweeted = ref("retweeted");
  const repliedTo = ref("replied_to");
  const quoted = ref("quoted");
  const kind = retweeted ? "repost" : repliedTo ? "reply" : quoted ? "quote" : "post";
  const conversation = id(tweet.conversation_id);
  // a retweet's own text is "RT @user: …" cut short: the referenced tweet holds it whole
  const original = retweeted ? context.tweets.get(id(retweeted.id) ?? "") ?? (isTweet(retweeted) ? retweeted : undefined) : undefined;
  const source: Json = original ?? tweet;
  const entities = source.note_tweet?.entities ?? source.entities;
  const handle = str(context.users.get(authorId ?? "")?.username ?? tweet.author?.username);
  const row: ItemRow = {
    ...item("x", itemId, kind, tweet),
    account_id: kind === "reply" ? rootAuthor(tweet, conversation, repliedTo, context) : authorId,
    author_id: authorId,
    created_at: parseIsoDate(created),
    text: tweetText(source.note_tweet?.text ?? source.text, entities),
    lang_hint: str(tweet.lang),
    parent_id: id((retweeted ?? repliedTo ?? quoted)?.id),
    root_id: conversation ?? (kind === "reply" ? null : itemId),
    url: statusUrl(handle, itemId),
    hashtags: entityHashtags(entities),
    mentions: entityMentions(entities),
    media_count: (tweet.attachments?.media_keys ?? []).length
  };
  const metrics: Json = tweet.public_metrics ?? {};
  return {
    item: row,
    // a retweet's public_metrics repeat the original's retweet count and zeros elsewhere
    counts: kind === "repost" ? [] : counts("x", itemId, [
      ["likes", "public_metrics.like_count", num(metrics.like_count)],
      ["shares", "public_metrics.retweet_count", num(metrics.retweet_count)],
      ["replies", "public_metrics.reply_count", num(metrics.reply_count)],
      ["quotes", "public_metrics.quote_count", num(metrics.quote_count)],
      ["bookmarks", "public_metrics.bookmark_count", num(metrics.bookmark_count)],
      ["impressions", "public_metrics.impression_count", num(metrics.impression_count)]
    ])
  };
}

// A reply belongs to the channel of its thread's root, known only when the root (or a direct reply to it) was seen.
function rootAuthor(tweet: Json, conversation: string | null, repliedTo: Json | undefined, context: V2Context): string | null {
  if (!conversation) return null;
  const root = context.tweets.get(conversation);
  const direct = id(repliedTo?.id) === conversation ? id(tweet.in_reply_to_user_id) : null;
  return id(root?.author_id ?? root?.author?.id) ?? context.roots.get(conversation) ?? direct;
}

/** Maps one unpacked twarc2 line to canonical rows (pure): every tweet once, its authors and channels. */
export function mapV2Line(line: V2Line, roots: Map<string, string>): Rows {
  const users = new Map<string, Json>();
  for (const user of line.users) if (id(user.id)) users.set(id(user.id)!, user);
  const tweets = new Map<string, Json>();
  for (const tweet of line.tweets) if (!tweets.has(id(tweet.id) ?? "")) tweets.set(id(tweet.id) ?? "", tweet);
  const context: V2Context = {users, tweets, roots};
  const items: ItemRow[] = [];
  const countRows: CountRow[] = [];
  for (const tweet of tweets.values()) {
    const mapped = mapV2Tweet(tweet, context);
    items.push(mapped.item);
    countRows.push(...mapped.counts);
  }
  const authors: AuthorRow[] = [...users.values()].map((user) => ({
    platform: "x", author_id: id(user.id)!, handle: str(user.username), name: str(user.name),
    followers: num(user.public_metrics?.followers_count)
  }));
  const channels = new Set(items.map((row) => row.account_id).filter((account): account is string => Boolean(account)));
  const accounts: AccountRow[] = [...channels].map((account_id) => {
    const user = users.get(account_id);
    return {
      platform: "x", account_id, handle: str(user?.username), display_name: str(user?.name),
      followers: num(user?.public_metrics?.followers_count)
    };
  });
  const skipped: Record<string, number> = {};
  if (line.errors) skipped["api error object (deleted, suspended or protected reference)"] = line.errors;
  if (line.others) skipped["not a tweet (user or count object)"] = line.others;
  if (!line.tweets.length && !line.errors && !line.others) skipped["page without tweets"] = 1;
  return {
    items, counts: countRows, authors, accounts, skipped,
    ...(line.retrieved_at ? {exported_at: parseIsoDate(line.retrieved_at)} : {})
  };
}

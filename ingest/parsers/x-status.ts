import type {AccountRow, AuthorRow, CountRow, ItemRow, Rows} from "../canonical.ts";
import {counts, item} from "../canonical.ts";
import {id, num, str} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";
import {entityHashtags, entityMentions, statusUrl, tweetText} from "./x-text.ts";

type Json = Record<string, any>;

export interface StatusOptions {
  /** Reads `created_at`: v1.1 `Tue Mar 04 08:15:00 +0000 2025`, Grailbird `2017-05-06 11:20:45 +0000`. */
  parseDate: (text: string) => string;
  /**
   * The archive's owner, whose replies to their own tweets (threads) stay on their channel. Without
   * it a reply's channel is unknown: v1.1 has no conversation id to find the thread's root.
   */
  owner?: string | null;
}

/**
 * Maps one v1.1 status object (API v1.1, Grailbird archive) to canonical rows (pure): the status, and
 * the retweeted and quoted statuses it embeds, which are real tweets too.
 */
export function mapStatus(status: Json, options: StatusOptions): Rows {
  const rows = {items: [] as ItemRow[], counts: [] as CountRow[], authors: [] as AuthorRow[], accounts: [] as AccountRow[]};
  const seen = new Set<string>();
  const add = (s: Json) => {
    const row = mapOne(s, options);
    if (seen.has(row.item.item_id)) return;
    seen.add(row.item.item_id);
    rows.items.push(row.item);
    rows.counts.push(...row.counts);
    if (row.author) rows.authors.push(row.author);
    if (row.account) rows.accounts.push(row.account);
    for (const inner of [s.retweeted_status, s.quoted_status]) if (inner && typeof inner === "object") add(inner);
  };
  add(status);
  return rows;
}

function mapOne(s: Json, {parseDate, owner}: StatusOptions) {
  const itemId = id(s.id_str ?? s.id);
  if (!itemId) throw new ParseError("status without id_str", {field: "id_str"});
  const created = str(s.created_at);
  if (!created) throw new ParseError(`status ${itemId} without created_at`, {field: "created_at"});
  const user: Json = s.user ?? {};
  const authorId = id(user.id_str ?? user.id);
  const handle = str(user.screen_name);
  const retweeted: Json | undefined = s.retweeted_status ?? undefined;
  const replyTo = id(s.in_reply_to_status_id_str ?? s.in_reply_to_status_id);
  const quotedId = id(s.quoted_status_id_str ?? s.quoted_status?.id_str);
  const kind = retweeted ? "repost" : replyTo ? "reply" : quotedId ? "quote" : "post";
  // a retweet's own text is "RT @user: " cut at 140 characters: the original holds it whole
  const source: Json = retweeted ?? s;
  const full: Json = source.extended_tweet ?? source;
  const selfThread = Boolean(owner && authorId === owner && id(s.in_reply_to_user_id_str ?? s.in_reply_to_user_id) === owner);
  const account_id = kind !== "reply" || selfThread ? authorId : null;
  const row: ItemRow = {
    ...item("x", itemId, kind, s),
    account_id,
    author_id: authorId,
    created_at: parseDate(created),
    text: tweetText(full.full_text ?? full.text, full.entities),
    lang_hint: str(s.lang),
    parent_id: kind === "repost" ? id(retweeted!.id_str ?? retweeted!.id) : replyTo ?? quotedId,
    root_id: kind === "reply" ? null : itemId,
    url: statusUrl(handle, itemId),
    hashtags: entityHashtags(full.entities),
    mentions: entityMentions(full.entities),
    media_count: (full.extended_entities?.media ?? full.entities?.media ?? []).length
  };
  const followers = num(user.followers_count);
  return {
    item: row,
    // a retweet carries the original's counters, not its own
    counts: kind === "repost" ? [] : counts("x", itemId, [
      ["likes", "favorite_count", num(s.favorite_count)],
      ["shares", "retweet_count", num(s.retweet_count)],
      ["replies", "reply_count", num(s.reply_count)],
      ["quotes", "quote_count", num(s.quote_count)]
    ]),
    author: authorId ? {platform: "x" as const, author_id: authorId, handle, name: str(user.name), followers} : null,
    account: account_id ? {platform: "x" as const, account_id, handle, display_name: str(user.name), followers} : null
  };
}

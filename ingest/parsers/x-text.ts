import {decodeEntities, str} from "../values.ts";

type Json = Record<string, any>;

/**
 * A tweet's text as people read it: HTML entities decoded once (X escapes `&`, `<`, `>`), t.co links
 * replaced by the address they stand for, and the link to attached media dropped. Empty → null.
 */
export function tweetText(text: unknown, entities: Json | undefined, extraMedia: Json[] = []): string | null {
  const raw = str(text);
  if (raw === null) return null;
  let out = decodeEntities(raw);
  for (const url of (entities?.urls ?? []) as Json[]) {
    if (!url?.url) continue;
    // v2 lists media links among the urls, marked by media_key
    if (url.media_key) out = out.replaceAll(url.url, "");
    else if (url.expanded_url) out = out.replaceAll(url.url, url.expanded_url);
  }
  for (const media of [...((entities?.media ?? []) as Json[]), ...extraMedia]) if (media?.url) out = out.replaceAll(media.url, "");
  return str(out);
}

/** Lower-case tags without '#', from v1.1 (`text`) or v2 (`tag`) hashtag entities, once each. */
export function entityHashtags(entities: Json | undefined): string[] {
  const tags = ((entities?.hashtags ?? []) as Json[]).map((tag) => str(tag?.tag ?? tag?.text)?.replace(/^#/, "").toLowerCase());
  return [...new Set(tags.filter((tag): tag is string => Boolean(tag)))];
}

/** Lower-case handles without '@', from v1.1 (`user_mentions`) or v2 (`mentions`) entities, once each. */
export function entityMentions(entities: Json | undefined): string[] {
  const users = ((entities?.user_mentions ?? entities?.mentions ?? []) as Json[])
    .map((user) => str(user?.screen_name ?? user?.username)?.replace(/^@/, "").toLowerCase());
  return [...new Set(users.filter((user): user is string => Boolean(user)))];
}

/** The public address of a tweet, when its author's handle is known. */
export function statusUrl(handle: string | null | undefined, itemId: string): string | null {
  return handle ? `https://x.com/${handle}/status/${itemId}` : null;
}

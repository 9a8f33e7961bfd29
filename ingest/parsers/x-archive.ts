import type {ItemRow, Rows} from "../canonical.ts";
import {counts, item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {readJson, streamJsonArray} from "../readers/json.ts";
import type {SourceFile} from "../source-file.ts";
import {decodeEntities, id, num, parseIsoDate, parseTwitterDate, str} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";

/** The archive's owner and date, from `account.js` and `manifest.js` beside the data file. */
export interface XArchiveContext {
  owner: {id: string; handle: string | null; name: string | null} | null;
  exported_at: string | undefined;
  /** Long posts from note-tweet.js, keyed by creation second. */
  notes: Map<string, string[]>;
}

type Json = Record<string, any>;

const statusUrl = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/(\w+)\/status(?:es)?\/(\d+)/i;

/** Maps one tweet of an X archive to canonical rows (pure). */
export function mapArchiveTweet(record: Json, context: XArchiveContext): Rows {
  const tweet: Json = record.tweet ?? record;
  const itemId = id(tweet.id_str ?? tweet.id);
  if (!itemId) throw new ParseError("tweet without id", {field: "id_str"});
  const owner = context.owner;
  let text = decodeEntities(String(tweet.full_text ?? tweet.text ?? ""));
  for (const url of tweet.entities?.urls ?? []) if (url.url && url.expanded_url) text = text.replaceAll(url.url, url.expanded_url);
  for (const media of tweet.entities?.media ?? []) if (media.url) text = text.replaceAll(media.url, "").trim();
  const created_at = parseTwitterDate(String(tweet.created_at));
  text = longText(text, created_at, context.notes);
  const quoted = (tweet.entities?.urls ?? [])
    .map((url: Json) => statusUrl.exec(String(url.expanded_url ?? ""))?.[2])
    .find(Boolean) as string | undefined;
  const replyTo = id(tweet.in_reply_to_status_id_str ?? tweet.in_reply_to_status_id);
  const isRetweet = /^RT @\w+:/.test(text);
  const row: ItemRow = {
    ...item("x", itemId, isRetweet ? "repost" : replyTo ? "reply" : quoted ? "quote" : "post", tweet),
    account_id: owner?.id ?? null,
    author_id: owner?.id ?? null,
    created_at,
    text,
    lang_hint: str(tweet.lang),
    parent_id: replyTo ?? quoted ?? null,
    root_id: replyTo || quoted ? null : itemId,
    url: owner?.handle ? `https://x.com/${owner.handle}/status/${itemId}` : null,
    hashtags: (tweet.entities?.hashtags ?? []).map((tag: Json) => String(tag.text).toLowerCase()),
    mentions: (tweet.entities?.user_mentions ?? []).map((user: Json) => String(user.screen_name).toLowerCase()),
    media_count: (tweet.extended_entities?.media ?? tweet.entities?.media ?? []).length
  };
  return {
    items: [row],
    counts: counts("x", itemId, [
      ["likes", "favorite_count", num(tweet.favorite_count)],
      ["shares", "retweet_count", num(tweet.retweet_count)]
    ])
  };
}

// A long post sits truncated in tweets.js and whole in note-tweet.js; they share the creation second.
function longText(text: string, created_at: string, notes: Map<string, string[]>): string {
  const candidates = notes.get(created_at.slice(0, 19)) ?? [];
  const prefix = text.replace(/…?\s*https?:\/\/\S+\s*$/, "").replace(/…$/, "").slice(0, 40);
  return candidates.find((note) => note.startsWith(prefix)) ?? text;
}

/** Reads account.js, manifest.js and note-tweet.js beside a data file of the archive. */
export async function readArchiveContext(file: SourceFile): Promise<XArchiveContext> {
  const account = file.sibling("account.js");
  const manifest = file.sibling("manifest.js");
  const notesFile = file.sibling(/^note-tweet(-part\d+)?\.js$/);
  const accountJson = account ? ((await readJson(account)) as Json[])[0]?.account : undefined;
  const manifestJson = manifest ? ((await readJson(manifest)) as Json) : undefined;
  const info = manifestJson?.userInfo;
  const ownerId = id(accountJson?.accountId ?? info?.accountId);
  const notes = new Map<string, string[]>();
  if (notesFile) {
    for await (const {value} of streamJsonArray(notesFile)) {
      const note = (value as Json).noteTweet;
      const noteText = str(note?.core?.text);
      if (!note?.createdAt || !noteText) continue;
      const key = parseIsoDate(String(note.createdAt)).slice(0, 19);
      notes.set(key, [...(notes.get(key) ?? []), decodeEntities(noteText)]);
    }
  }
  const generated = str(manifestJson?.archiveInfo?.generationDate);
  return {
    owner: ownerId ? {
      id: ownerId,
      handle: str(accountJson?.username ?? info?.userName),
      name: str(accountJson?.accountDisplayName ?? info?.displayName)
    } : null,
    exported_at: generated ? parseIsoDate(generated) : undefined,
    notes
  };
}

function ownerRows(context: XArchiveContext, followers: number | null = null): Rows {
  const owner = context.owner;
  if (!owner) return {};
  return {
    accounts: [{platform: "x", account_id: owner.id, handle: owner.handle, display_name: owner.name, followers}],
    authors: [{platform: "x", author_id: owner.id, handle: owner.handle, name: owner.name, followers}],
    exported_at: context.exported_at
  };
}

const archiveFile = /^\s*window\.YTD\.(tweets?|follower|account)\.part\d+\s*=/;

/** X (Twitter) account archive, 2019 onwards: tweets.js/tweet.js (all parts), account.js, follower.js. */
export const xArchive: Parser = {
  name: "x-archive",
  platform: "x",
  detect: ({head}) => archiveFile.test(head),
  async *parse(file) {
    const context = await readArchiveContext(file);
    const head = file.innerPath.split("/").pop() ?? "";
    if (/^follower(-part\d+)?\.js$/.test(head)) {
      let followers = 0;
      for await (const _ of streamJsonArray(file)) followers++;
      yield ownerRows(context, followers);
      return;
    }
    if (/^account\.js$/.test(head)) {
      yield ownerRows(context);
      return;
    }
    yield ownerRows(context);
    yield* mapRecords(file, streamJsonArray(file), (value) => mapArchiveTweet(value as Json, context));
  }
};

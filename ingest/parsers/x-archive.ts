import type {ItemRow, Rows} from "../canonical.ts";
import {counts, item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {readJson, streamJsonArray} from "../readers/json.ts";
import {readHead, type SourceFile} from "../source-file.ts";
import {decodeEntities, id, num, parseIsoDate, parseTwitterDate, str} from "../values.ts";
import {entityHashtags, entityMentions, statusUrl, tweetText} from "./x-text.ts";
import {ParseError} from "../../lib/errors.ts";

/** The archive's owner and date, from `account.js` and `manifest.js` beside the data file. */
export interface XArchiveContext {
  owner: {id: string; handle: string | null; name: string | null} | null;
  exported_at: string | undefined;
  /** Long posts from note-tweet.js, keyed by creation second. */
  notes: Map<string, string[]>;
  /** Followers over every follower part, as manifest.js counts them. */
  followers: number | null;
}

type Json = Record<string, any>;

const statusLink = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/(\w+)\/status(?:es)?\/(\d+)/i;

/** Maps one tweet of an X archive to canonical rows (pure). */
export function mapArchiveTweet(record: Json, context: XArchiveContext): Rows {
  const tweet: Json = record.tweet ?? record;
  const itemId = id(tweet.id_str ?? tweet.id);
  if (!itemId) throw new ParseError("tweet without id", {field: "id_str"});
  const owner = context.owner;
  const created_at = parseTwitterDate(String(tweet.created_at));
  const shortText = tweetText(tweet.full_text ?? tweet.text, tweet.entities);
  const text = shortText === null ? null : longText(shortText, created_at, context.notes);
  const quoted = (tweet.entities?.urls ?? [])
    .map((url: Json) => statusLink.exec(String(url.expanded_url ?? ""))?.[2])
    .find((linked: string | undefined) => linked && linked !== itemId) as string | undefined;
  const replyTo = id(tweet.in_reply_to_status_id_str ?? tweet.in_reply_to_status_id);
  // the original of a retweet is lost: only its "RT @user: " text, cut at 140 characters, remains
  const isRetweet = /^RT @\w+:/.test(shortText ?? "");
  const kind = isRetweet ? "repost" : replyTo ? "reply" : quoted ? "quote" : "post";
  // a reply sits in the channel of its thread's root: the owner's own when it answers the owner (a thread)
  const selfReply = id(tweet.in_reply_to_user_id_str ?? tweet.in_reply_to_user_id) === owner?.id;
  const row: ItemRow = {
    ...item("x", itemId, kind, tweet),
    account_id: kind !== "reply" || selfReply ? owner?.id ?? null : null,
    author_id: owner?.id ?? null,
    created_at,
    text,
    lang_hint: str(tweet.lang),
    parent_id: replyTo ?? quoted ?? null,
    root_id: kind === "reply" ? null : itemId,
    url: statusUrl(owner?.handle, itemId),
    hashtags: entityHashtags(tweet.entities),
    mentions: entityMentions(tweet.entities),
    media_count: (tweet.extended_entities?.media ?? tweet.entities?.media ?? []).length
  };
  return {
    items: [row],
    // a retweet's counters are the original's
    counts: isRetweet ? [] : counts("x", itemId, [
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
  const followerFiles = manifestJson?.dataTypes?.follower?.files as Json[] | undefined;
  return {
    owner: ownerId ? {
      id: ownerId,
      handle: str(accountJson?.username ?? info?.userName),
      name: str(accountJson?.accountDisplayName ?? info?.displayName)
    } : null,
    exported_at: generated ? parseIsoDate(generated) : undefined,
    notes,
    followers: followerFiles?.length ? followerFiles.reduce((sum, part) => sum + (num(part.count) ?? 0), 0) : null
  };
}

function ownerRows(context: XArchiveContext, followers: number | null = null): Rows {
  const owner = context.owner;
  if (!owner) return context.exported_at ? {exported_at: context.exported_at} : {};
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
    const kind = archiveFile.exec(new TextDecoder().decode(await readHead(file, 256)).replace(/^\uFEFF/, ""))?.[1];
    if (kind === "follower") {
      let followers = 0;
      for await (const _ of streamJsonArray(file)) followers++;
      // a part holds only some followers: the manifest counts them all
      yield ownerRows(context, context.followers ?? followers);
      return;
    }
    yield ownerRows(context);
    if (kind === "account") return;
    yield* mapRecords(file, streamJsonArray(file), (value) => mapArchiveTweet(value as Json, context));
  }
};

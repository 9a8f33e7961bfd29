import type {ItemRow, Rows} from "../canonical.ts";
import {item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {readJson, streamJsonArray} from "../readers/json.ts";
import {readHead, type SourceFile} from "../source-file.ts";
import {htmlToText, isoField, str} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";
import {accountKeyFromUri, hostOf, statusRef} from "./mastodon-ids.ts";

type Json = Record<string, any>;

export interface MastodonOwner {
  /** `user@host`. */
  key: string;
  host: string;
  name: string | null;
}

export interface OutboxContext {
  /** From actor.json beside the outbox; else read from each activity's `actor` URI. */
  owner: MastodonOwner | null;
  /** Thread root of each of the owner's statuses seen so far (the outbox runs oldest first). */
  roots: Map<string, string>;
}

const publicAudience = /^(https:\/\/www\.w3\.org\/ns\/activitystreams#Public|as:Public|Public)$/;

// Direct messages sit in the outbox too: addressed, but neither to the public nor to a followers collection.
function isDirect(object: Json, activity: Json): boolean {
  const audience = [object.to, object.cc, activity.to, activity.cc].flat().filter((a): a is string => typeof a === "string");
  return audience.length > 0 && !audience.some((a) => publicAudience.test(a) || /\/followers$/.test(a));
}

// Without actor.json the owner is read from the first activity's `actor` URI, and its rows emitted then.
function ownerOf(activity: Json, context: OutboxContext): {owner: MastodonOwner | null; rows: Rows} {
  if (context.owner) return {owner: context.owner, rows: {}};
  const key = accountKeyFromUri(activity.actor);
  if (!key) return {owner: null, rows: {}};
  context.owner = ownerFromKey(key, null);
  return {owner: context.owner, rows: ownerRows(context.owner)};
}


/** Maps one activity of a Mastodon archive's outbox.json (Create of a Note, Announce) to canonical rows. */
export function mapOutboxActivity(activity: Json, context: OutboxContext): Rows {
  const {owner, rows} = ownerOf(activity, context);
  return {...rows, ...mapActivity(activity, owner, context)};
}

function mapActivity(activity: Json, owner: MastodonOwner | null, context: OutboxContext): Rows {
  const home = owner?.host ?? hostOf(activity.actor);
  if (activity.type === "Announce") {
    const itemId = statusRef(activity.id, home);
    if (!itemId) throw new ParseError("announce without id", {field: "id"});
    const target = typeof activity.object === "string" ? activity.object : activity.object?.id;
    return {items: [{
      ...item("mastodon", itemId, "repost", activity),
      account_id: owner?.key ?? null, author_id: owner?.key ?? null, created_at: isoField(activity.published, "published"),
      parent_id: statusRef(target, home), url: str(target)
    }]};
  }
  const object = activity.object;
  if (activity.type !== "Create" || !object || typeof object !== "object") {
    return {skipped: {[`outbox activity ${activity.type ?? "without type"} (not a post)`]: 1}};
  }
  if (isDirect(object, activity)) return {skipped: {"direct message (private, not loaded)": 1}};
  const itemId = statusRef(object.id, home);
  if (!itemId) throw new ParseError("note without id", {field: "object.id"});
  const parentId = statusRef(object.inReplyTo, home);
  const rootId = parentId ? context.roots.get(parentId) ?? null : itemId;
  if (rootId) context.roots.set(itemId, rootId);
  const body = str(htmlToText(String(object.content ?? "")));
  // `summary` is the content warning the author wrote above the post
  const text = [str(object.summary), body].filter(Boolean).join("\n\n") || null;
  const tags: Json[] = Array.isArray(object.tag) ? object.tag : [];
  const row: ItemRow = {
    ...item("mastodon", itemId, parentId ? "reply" : "post", activity),
    // a reply to another server's post belongs to that post's account
    account_id: !parentId || rootId ? owner?.key ?? null : accountKeyFromUri(String(object.inReplyTo).replace(/\/statuses\/.*$/, "")),
    author_id: owner?.key ?? null,
    created_at: isoField(object.published ?? activity.published, "published"),
    text,
    lang_hint: Object.keys(object.contentMap ?? {})[0] ?? null,
    parent_id: parentId,
    root_id: rootId,
    url: str(object.url) ?? str(object.id),
    hashtags: tagNames(tags, "Hashtag", "#"),
    mentions: tagNames(tags, "Mention", "@"),
    media_count: Array.isArray(object.attachment) ? object.attachment.length : 0
  };
  return {items: [row]};
}

function tagNames(tags: Json[], type: string, sigil: string): string[] {
  return [...new Set(tags.filter((t) => t.type === type && t.name).map((t) => String(t.name).replace(sigil, "").toLowerCase()))];
}

/** The archive's owner, from actor.json. */
export function ownerFromActor(actor: Json): MastodonOwner | null {
  const host = hostOf(actor.id);
  const user = str(actor.preferredUsername);
  if (!host || !user) return accountKeyFromUri(actor.id) ? ownerFromKey(accountKeyFromUri(actor.id)!, str(actor.name)) : null;
  return ownerFromKey(`${user}@${host}`.toLowerCase(), str(actor.name));
}

function ownerFromKey(key: string, name: string | null): MastodonOwner {
  return {key, host: key.split("@")[1]!, name};
}

function ownerRows(owner: MastodonOwner | null): Rows {
  if (!owner) return {};
  return {
    accounts: [{platform: "mastodon", account_id: owner.key, handle: owner.key, display_name: owner.name, followers: null}],
    authors: [{platform: "mastodon", author_id: owner.key, handle: owner.key, name: owner.name, followers: null}]
  };
}

async function readOwner(file: SourceFile): Promise<MastodonOwner | null> {
  const actor = file.sibling("actor.json");
  return actor ? ownerFromActor((await readJson(actor)) as Json) : null;
}

const collection = /"type"\s*:\s*"OrderedCollection"/;
const likesFile = /"id"\s*:\s*"(likes|bookmarks)\.json"/;

/** Mastodon account archive (Preferences → Import and export → Request your archive): outbox.json, actor.json, likes.json. */
export const mastodonArchive: Parser = {
  name: "mastodon-archive",
  platform: "mastodon",
  detect: ({head}) =>
    (collection.test(head) && /"orderedItems"\s*:/.test(head)) ||
    (/"type"\s*:\s*"(Person|Service|Group|Organization|Application)"/.test(head) && /"preferredUsername"\s*:/.test(head) && /"outbox"\s*:/.test(head)),
  async *parse(file) {
    const head = new TextDecoder().decode(await readHead(file));
    if (/"orderedItems"/.test(head) && likesFile.test(head)) {
      let n = 0;
      for await (const _ of streamJsonArray(file, {path: "orderedItems"})) n++;
      yield {skipped: {[`${/bookmarks\.json/.test(head) ? "bookmarked" : "liked"} post (a URL only, not loaded)`]: n}};
      return;
    }
    if (/"preferredUsername"/.test(head) && !/"orderedItems"/.test(head)) {
      yield ownerRows(ownerFromActor((await readJson(file)) as Json));
      return;
    }
    const context: OutboxContext = {owner: await readOwner(file), roots: new Map()};
    yield ownerRows(context.owner);
    yield* mapRecords(file, streamJsonArray(file, {path: "orderedItems"}), (value) => mapOutboxActivity(value as Json, context));
  }
};


import type {AccountRow, AuthorRow, ItemRow, Rows} from "../canonical.ts";
import {counts, item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {readJson} from "../readers/json.ts";
import {htmlToText, id, num, isoField, str} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";
import {accountKeyOf} from "./mastodon-ids.ts";
import {indexStatuses, threadOf, type StatusIndex} from "./mastodon-thread.ts";

type Json = Record<string, any>;


function authorRow(account: Json, author_id: string): AuthorRow {
  return {platform: "mastodon", author_id, handle: author_id, name: str(account.display_name) ?? str(account.username), followers: num(account.followers_count)};
}

/** Maps one Status of the Mastodon REST API (a boost also yields the boosted status) to canonical rows. */
export function mapStatus(status: Json, index: StatusIndex): Rows {
  const statusId = id(status.id);
  if (!statusId) throw new ParseError("status without id", {field: "id"});
  if (status.visibility === "direct") return {skipped: {"direct message (private, not loaded)": 1}};
  const authorKey = accountKeyOf(status.account);
  const authors: AuthorRow[] = authorKey ? [authorRow(status.account, authorKey)] : [];
  if (status.reblog) {
    const boosted = mapStatus(status.reblog, index);
    const row: ItemRow = {
      ...item("mastodon", statusId, "repost", status),
      account_id: authorKey, author_id: authorKey, created_at: isoField(status.created_at, "created_at"),
      parent_id: id(status.reblog.id), url: str(status.uri)
    };
    return {...boosted, items: [row, ...(boosted.items ?? [])], authors: [...authors, ...(boosted.authors ?? [])]};
  }
  const parentId = id(status.in_reply_to_id);
  const thread = parentId ? threadOf(statusId, index) : {root: statusId, account: authorKey};
  const body = str(htmlToText(String(status.content ?? "")));
  // spoiler_text is the content warning the author wrote above the post
  const text = [str(status.spoiler_text), body].filter(Boolean).join("\n\n") || null;
  const row: ItemRow = {
    ...item("mastodon", statusId, parentId ? "reply" : "post", status),
    account_id: thread.account,
    author_id: authorKey,
    created_at: isoField(status.created_at, "created_at"),
    text,
    lang_hint: str(status.language),
    parent_id: parentId,
    root_id: thread.root,
    url: str(status.url) ?? str(status.uri),
    hashtags: [...new Set((status.tags ?? []).map((tag: Json) => String(tag.name).toLowerCase()))] as string[],
    mentions: [...new Set((status.mentions ?? []).map(accountKeyOf).filter(Boolean))] as string[],
    media_count: Array.isArray(status.media_attachments) ? status.media_attachments.length : 0
  };
  const account = thread.account ? index.accounts.get(thread.account) : undefined;
  const accounts: AccountRow[] = account
    ? [{platform: "mastodon", account_id: thread.account!, handle: thread.account, display_name: str(account.display_name), followers: num(account.followers_count)}]
    : [];
  return {
    items: [row],
    counts: counts("mastodon", statusId, [
      ["replies", "replies_count", num(status.replies_count)],
      ["shares", "reblogs_count", num(status.reblogs_count)],
      ["likes", "favourites_count", num(status.favourites_count)],
      ["quotes", "quotes_count", num(status.quotes_count)]
    ]),
    authors,
    accounts
  };
}

/** The statuses of a saved response: an array of Status, one Status, or a context `{ancestors, descendants}`. */
export function statusesOf(data: unknown): {statuses: Json[]; context: {ancestors: Json[]; descendants: Json[]} | null} {
  if (Array.isArray(data)) return {statuses: data, context: null};
  const object = data as Json;
  if (object && Array.isArray(object.ancestors) && Array.isArray(object.descendants)) {
    return {statuses: [...object.ancestors, ...object.descendants], context: {ancestors: object.ancestors, descendants: object.descendants}};
  }
  if (object && typeof object === "object" && object.account) return {statuses: [object], context: null};
  throw new ParseError("not a Mastodon status, status list or context");
}

/** Statuses saved from the Mastodon REST API: timelines, `/api/v1/statuses/:id`, `/api/v1/statuses/:id/context`. */
export const mastodonApi: Parser = {
  name: "mastodon-api",
  platform: "mastodon",
  detect: ({head}) =>
    (/^\s*\[\s*\{/.test(head) && /"acct"\s*:/.test(head) && /"created_at"\s*:/.test(head) && /"(replies_count|favourites_count|reblogs_count)"\s*:/.test(head)) ||
    (/^\s*\{\s*"ancestors"\s*:\s*\[/.test(head) && /"descendants"\s*:/.test(head)) ||
    (/^\s*\{/.test(head) && /"acct"\s*:/.test(head) && /"favourites_count"\s*:/.test(head) && /"in_reply_to_id"\s*:/.test(head)),
  // API pages are small (≤ 40 statuses): read whole, so replies can find their thread anywhere in the file
  async *parse(file) {
    const {statuses, context} = statusesOf(await readJson(file));
    const index = indexStatuses(statuses, context);
    async function* records() {
      for (const [position, value] of statuses.entries()) yield {index: position, value};
    }
    yield* mapRecords(file, records(), (status) => mapStatus(status, index));
  }
};

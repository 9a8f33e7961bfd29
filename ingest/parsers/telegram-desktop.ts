import type {AuthorRow, ItemRow, Rows} from "../canonical.ts";
import {counts, item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {fromUnixSeconds, hashtagsOf, id, mentionsOf, num, parseIsoDate, str} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";
import {streamTelegramMessages, type TelegramChat} from "./telegram-desktop-stream.ts";

type Json = Record<string, any>;

/** What the mapping remembers across the messages of one file: thread roots, rows already emitted. */
export interface TelegramState {
  /** Zone of the exporting PC, for old exports whose only time is the local `date`. */
  zone: string;
  /** item_id → its thread's root item_id, for the messages seen so far (replies follow their parents). */
  roots: Map<string, string>;
  seen: Set<string>;
}

// One person's chats: rule 8 of the export notes (no private conversations by default).
const privateChats = new Set(["personal_chat", "bot_chat", "saved_messages", "private_chat"]);

/** Maps one message of a Telegram Desktop export to canonical rows (pure but for the state's memo). */
export function mapTelegramMessage(message: Json, chat: TelegramChat, state: TelegramState): Rows {
  if (message.type === "service") return {skipped: {"service message (join, pin, title change...)": 1}};
  if (chat.type && privateChats.has(chat.type)) return {skipped: {"private chat message": 1}};
  const messageId = id(message.id);
  if (!messageId) throw new ParseError("message without id", {field: "id"});
  const chatId = chat.id!;
  const itemId = `${chatId}/${messageId}`;
  const replyTo = id(message.reply_to_message_id);
  const parentId = replyTo ? `${chatId}/${replyTo}` : null;
  const rootId = parentId ? state.roots.get(parentId) ?? null : itemId;
  if (rootId) state.roots.set(itemId, rootId);
  const authorId = authorOf(message.from_id);
  const text = textOf(message);
  const entities: Json[] = Array.isArray(message.text_entities) ? message.text_entities : [];
  const row: ItemRow = {
    ...item("telegram", itemId, parentId ? "reply" : /channel/.test(chat.type ?? "") ? "post" : "message", message),
    account_id: chatId,
    author_id: authorId,
    created_at: timeOf(message, state.zone),
    text,
    parent_id: parentId,
    root_id: rootId,
    hashtags: entities.length ? entityTexts(entities, "hashtag", "#") : hashtagsOf(text),
    mentions: entities.length ? entityTexts(entities, "mention", "@") : mentionsOf(text),
    media_count: message.photo || message.file ? 1 : 0
  };
  const reactions: Json[] = Array.isArray(message.reactions) ? message.reactions : [];
  return {
    items: [row],
    counts: counts("telegram", itemId, [
      ["reactions", "reactions", reactions.length ? reactions.reduce((sum, r) => sum + (num(r.count) ?? 0), 0) : null],
      ["views", "views", num(message.views)]
    ]),
    accounts: once(state, `chat:${chatId}`) ? [{platform: "telegram", account_id: chatId, handle: null, display_name: chat.name, followers: null}] : [],
    authors: authorId && once(state, `author:${authorId}`) ? [authorRow(authorId, message)] : []
  };
}

// "channel123" is the chat 123 itself (a channel posting, also in its discussion group): its bare id
// joins the channel's own export. People keep Telegram's "user123", which never collides with chat ids.
function authorOf(fromId: unknown): string | null {
  const text = str(fromId);
  if (!text) return null;
  return /^channel(\d+)$/.exec(text)?.[1] ?? text;
}

function authorRow(author_id: string, message: Json): AuthorRow {
  // `from` is null for deleted accounts
  return {platform: "telegram", author_id, handle: null, name: str(message.from), followers: null};
}

function once(state: TelegramState, key: string): boolean {
  if (state.seen.has(key)) return false;
  state.seen.add(key);
  return true;
}

function timeOf(message: Json, zone: string): string {
  if (str(message.date_unixtime)) return fromUnixSeconds(message.date_unixtime);
  // older exports: only the exporting PC's wall time
  if (str(message.date)) return parseIsoDate(String(message.date), {zone});
  throw new ParseError("message without date", {field: "date_unixtime"});
}

/** The text of a message: `text_entities` joined, else `text` as a string or an array of strings and entities. */
export function textOf(message: Json): string | null {
  const parts: unknown[] = Array.isArray(message.text_entities) ? message.text_entities
    : Array.isArray(message.text) ? message.text : [message.text];
  const text = parts.map((part) => (typeof part === "string" ? part : (part as Json)?.text ?? "")).join("");
  return str(text);
}

function entityTexts(entities: Json[], type: string, sigil: string): string[] {
  const texts = entities.filter((e) => e.type === type).map((e) => String(e.text).replace(sigil, "").toLowerCase());
  return [...new Set(texts)];
}

/** Telegram Desktop "Export chat history" (JSON): `result.json` of a channel or group, or of a whole account. */
export const telegramDesktop: Parser = {
  name: "telegram-desktop",
  platform: "telegram",
  detect: ({head}) =>
    /^\s*\{/.test(head) && (
      (/"type"\s*:\s*"(public|private)_(channel|supergroup|group)|"type"\s*:\s*"(personal_chat|bot_chat|saved_messages)"/.test(head) && /"messages"\s*:\s*\[/.test(head)) ||
      (/"personal_information"\s*:\s*\{/.test(head) && /"user_id"\s*:/.test(head))
    ),
  async *parse(file, {zone}) {
    const state: TelegramState = {zone, roots: new Map(), seen: new Set()};
    yield* mapRecords(file, streamTelegramMessages(file), ({message, chat}) => mapTelegramMessage(message, chat, state));
  }
};

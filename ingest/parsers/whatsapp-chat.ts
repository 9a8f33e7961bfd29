import {createHash, createHmac} from "node:crypto";
import {posix} from "node:path";
import type {ItemRow, Rows} from "../canonical.ts";
import {item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {readLines} from "../readers/text.ts";
import type {SourceFile} from "../source-file.ts";
import {guessDayFirst, hashtagsOf, mentionsOf, parseSlashDate} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";
import {isPhoneNumber, messageBody, parseStamp, splitSender, type Stamp} from "./whatsapp-lines.ts";

/** One message as written in the file: its stamp and all its lines. */
export interface ChatMessage extends Stamp {
  /** Messages with the same stamp and sender before this one in the file. */
  ordinal: number;
}

export interface ChatContext {
  chat: string;
  dayFirst: boolean;
  zone: string;
  secret?: string;
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * A sender's stable id: a hash of the number (digits only) or of the name as shown. Numbers are personal
 * data: only the hash is kept, never the number (nor in `raw`), and when ingesting it is keyed with the
 * warehouse's secret, so nobody can recover a number by hashing every possible one.
 */
export function senderId(sender: string, secret?: string): string {
  const key = isPhoneNumber(sender) ? `tel:${sender.replace(/[^\d+]/g, "")}` : `name:${sender.normalize("NFC")}`;
  const digest = secret ? createHmac("sha256", secret).update(key).digest("hex") : sha(key);
  return `wa:${digest.slice(0, 20)}`;
}

/** Maps one message of a chat export to canonical rows (pure); system notices are skipped by name. */
export function mapWhatsAppMessage(message: ChatMessage, context: ChatContext): Rows {
  const said = splitSender(message.rest);
  if (!said) return {skipped: {"whatsapp system notice": 1}};
  const body = messageBody(said.text);
  if (body.deleted) return {skipped: {"whatsapp deleted message notice": 1}};
  // iOS files group notices under the chat's name, their text led by U+200E like media markers
  if (!body.media && said.text.startsWith("\u200e")) return {skipped: {"whatsapp system notice": 1}};
  const stamp = `${message.date.replace(/[.-]/g, "/")} ${message.time}${message.ampm ? ` ${message.ampm}` : ""}`;
  const created_at = parseSlashDate(stamp, {dayFirst: context.dayFirst, zone: context.zone});
  const author_id = senderId(said.sender, context.secret);
  const itemId = `wa:${sha([context.chat, created_at, author_id, message.ordinal].join("\n")).slice(0, 32)}`;
  const shown = isPhoneNumber(said.sender) ? null : said.sender;
  const raw = {date: message.date, time: message.time, ampm: message.ampm, ordinal: message.ordinal, sender: shown, text: said.text};
  const row: ItemRow = {
    ...item("whatsapp", itemId, "message", raw),
    account_id: context.chat,
    author_id,
    created_at,
    text: body.text,
    root_id: itemId,
    hashtags: hashtagsOf(body.text),
    mentions: mentionsOf(body.text),
    media_count: body.media ? 1 : null
  };
  return {items: [row], authors: [{platform: "whatsapp", author_id, handle: shown, name: shown, followers: null}]};
}

const prefixes = /^(whatsapp chat with|whatsapp chat -|chat whatsapp con|chat whatsapp -|chat di whatsapp con|chat de whatsapp con|whatsapp-chat mit)\s*/i;

/** The chat's name, from `Chat WhatsApp con X.txt`, or from the zip holding `_chat.txt`. */
export function chatName(file: Pick<SourceFile, "path" | "innerPath">): string {
  let base = posix.basename(file.innerPath).replace(/\.txt$/i, "");
  if (/^_?chat$/i.test(base) && file.path.includes("!")) {
    base = posix.basename(file.path.slice(0, file.path.lastIndexOf("!")).split("\\").join("/")).replace(/\.zip$/i, "");
  }
  return base.replace(prefixes, "").replace(/\s*\(\d+\)$/, "").trim() || base;
}

async function* readMessages(file: SourceFile): AsyncGenerator<{line: number; value: ChatMessage}> {
  const seen = new Map<string, number>();
  let current: {line: number; value: ChatMessage} | null = null;
  for await (const {line, text} of readLines(file)) {
    const stamp = parseStamp(text);
    if (!stamp) {
      if (current) current.value.rest += `\n${text}`;
      else if (text.replace(/[\s\u200e\ufeff]/g, "")) throw new ParseError(`text before the first message: ${JSON.stringify(text.slice(0, 60))}`, {file: file.path, line});
      continue;
    }
    if (current) yield current;
    const key = `${stamp.date} ${stamp.time} ${stamp.ampm}|${stamp.rest.split(":", 1)[0]}`;
    const ordinal = seen.get(key) ?? 0;
    seen.set(key, ordinal + 1);
    current = {line, value: {...stamp, ordinal}};
  }
  if (current) yield current;
}

/** Day or month first, for the whole file: a first field over 12 decides, else 12-hour clocks mean US order. */
async function readDayFirst(file: SourceFile): Promise<boolean> {
  const dates: string[] = [];
  let twelveHour = false;
  for await (const {text} of readLines(file)) {
    const stamp = parseStamp(text);
    if (!stamp) continue;
    const [a = 0, b = 0] = stamp.date.split(/[/.-]/).map(Number);
    dates.push(stamp.date.replace(/[.-]/g, "/"));
    twelveHour ||= stamp.ampm !== null;
    if (a > 12 || b > 12) return guessDayFirst(dates);
  }
  return !twelveHour;
}

/** WhatsApp "Export chat" text (Android or iOS; alone or as `_chat.txt` in the exported zip). */
export const whatsappChat: Parser = {
  name: "whatsapp-chat",
  platform: "whatsapp",
  detect: ({name, head}) => {
    if (!/\.txt$/i.test(name)) return false;
    const first = head.split(/\r?\n/).find((line) => line.replace(/[\s\u200e\ufeff]/g, ""));
    return first !== undefined && parseStamp(first) !== null;
  },
  async *parse(file, {zone, secret}) {
    const chat = chatName(file);
    const context: ChatContext = {chat, dayFirst: await readDayFirst(file), zone, secret};
    yield {accounts: [{platform: "whatsapp", account_id: chat, handle: chat, display_name: chat, followers: null}]};
    yield* mapRecords(file, readMessages(file), (message) => mapWhatsAppMessage(message, context));
  }
};

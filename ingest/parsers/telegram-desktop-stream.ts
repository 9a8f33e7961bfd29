import {Readable} from "node:stream";
import chain from "stream-chain";
import {parser} from "stream-json";
import Assembler from "stream-json/assembler.js";
import {ParseError} from "../../lib/errors.ts";
import {decodeText} from "../readers/text.ts";
import type {SourceFile} from "../source-file.ts";

/** The header of one chat of a Telegram Desktop export. Ids stay text, as the JSON wrote the digits. */
export interface TelegramChat {
  id: string | null;
  name: string | null;
  type: string | null;
}

export interface TelegramMessage {
  chat: TelegramChat;
  message: Record<string, unknown>;
}

type Key = string | number;
type Token = {name: string; value?: unknown};

const chatLists = new Set(["chats", "left_chats"]);

// A chat is the root object (single-chat export) or an element of `chats.list` / `left_chats.list`.
function isChat(path: Key[]): boolean {
  return path.length === 0 || (path.length === 3 && chatLists.has(path[0] as string) && path[1] === "list" && typeof path[2] === "number");
}

function isMessage(path: Key[]): boolean {
  return path.length >= 2 && path.at(-2) === "messages" && typeof path.at(-1) === "number" && isChat(path.slice(0, -2));
}

const headerKeys = new Set(["id", "name", "type"]);

/**
 * Streams the messages of a Telegram Desktop `result.json` (one chat, or a whole account with
 * `chats.list`), each with its chat's header, one message in memory at a time. Telegram writes the
 * header (`name`, `type`, `id`) before `messages`.
 */
export async function* streamTelegramMessages(file: SourceFile): AsyncGenerator<{index: number; value: TelegramMessage}> {
  const tokens = chain([Readable.from(decodeText(file)), parser({streamValues: false})] as never);
  const frames: Array<{array: boolean; key: Key}> = [];
  let chat: TelegramChat = {id: null, name: null, type: null};
  let assembler: Assembler | null = null;
  let index = 0;
  try {
    for await (const token of tokens as AsyncIterable<Token>) {
      if (assembler) {
        assembler.consume(token as never);
        if (assembler.done) {
          yield {index: index++, value: {chat, message: assembler.current as Record<string, unknown>}};
          assembler = null;
        }
        continue;
      }
      const top = frames.at(-1);
      if (token.name === "keyValue") {
        if (top) top.key = token.value as string;
        continue;
      }
      if (token.name === "endObject" || token.name === "endArray") {
        frames.pop();
        continue;
      }
      if (!/^(start(Object|Array)|(string|number|null|true|false)Value)$/.test(token.name)) continue;
      if (top?.array) top.key = (top.key as number) + 1;
      const path = frames.map((frame) => frame.key);
      if (token.name === "startObject" && isMessage(path)) {
        if (chat.id === null) throw new ParseError("messages come before the chat's id", {field: "id"});
        assembler = new Assembler();
        assembler.consume(token as never);
        continue;
      }
      if (token.name === "startObject" && isChat(path)) chat = {id: null, name: null, type: null};
      if (token.name === "startObject" || token.name === "startArray") {
        frames.push({array: token.name === "startArray", key: -1});
        continue;
      }
      const last = path.at(-1);
      if (typeof last === "string" && headerKeys.has(last) && isChat(path.slice(0, -1)) && token.value !== null) {
        chat = {...chat, [last]: String(token.value)};
      }
    }
  } catch (error) {
    if (error instanceof ParseError) throw new ParseError(error.reason, {...error.where, file: file.path});
    throw new ParseError(`invalid JSON after message ${index} (${(error as Error).message})`, {file: file.path, record: index + 1});
  } finally {
    (tokens as unknown as Readable).destroy();
  }
}

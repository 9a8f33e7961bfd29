import {ParseError} from "../../lib/errors.ts";
import type {SourceFile} from "../source-file.ts";
import {splitJsonArray} from "./json-split.ts";
import {decodeText, readText} from "./text.ts";

/** `window.YTD.tweets.part0 = `, `Grailbird.data.tweets_2017_05 = `, `var tweet_index = `. */
const jsAssignment = /^\s*(?:var\s+)?[\w$.]+(?:\[[^\]]*\])*\s*=\s*/;

/** Drops a JavaScript assignment prefix and a trailing `;`, so a .js export reads as JSON. */
async function* stripJsEnvelope(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let head = true;
  let pending = "";
  for await (let chunk of chunks) {
    if (head) {
      chunk = chunk.replace(jsAssignment, "");
      head = false;
    }
    if (pending) yield pending;
    pending = chunk;
  }
  yield pending.replace(/;\s*$/, "");
}

/** Parses a whole (small) JSON or .js-wrapped JSON file. */
export async function readJson(file: SourceFile): Promise<unknown> {
  let text = await readText(file, {legacy: false});
  text = text.replace(jsAssignment, "").replace(/;\s*$/, "");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ParseError(`invalid JSON (${(error as Error).message})`, {file: file.path});
  }
}

/**
 * Streams the elements of one array in a JSON (or .js-wrapped) file, one at a time, in constant memory.
 * `path` picks a nested array (`messages`, `data`); by default the top-level value must be an array.
 */
export async function* streamJsonArray(file: SourceFile, {path}: {path?: string | RegExp} = {}): AsyncGenerator<{index: number; value: unknown}> {
  let index = 0;
  try {
    for await (const text of splitJsonArray(stripJsEnvelope(decodeText(file, {legacy: false})), {path})) {
      yield {index, value: JSON.parse(text)};
      index++;
    }
  } catch (error) {
    if (error instanceof ParseError) throw error;
    throw new ParseError(`invalid JSON after record ${index} (${(error as Error).message})`, {file: file.path, record: index + 1});
  }
}

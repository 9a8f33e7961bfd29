import {ParseError} from "../../lib/errors.ts";
import {readLines} from "../readers/text.ts";
import type {SourceFile} from "../source-file.ts";

/** One line of a JSON Lines file: its parsed value, or the name of the rule that passed it over. */
export type JsonLine = {value: unknown; skip?: undefined} | {skip: string; value?: undefined};

export const blankLine = "blank line";
export const truncatedLastLine = "truncated last line (interrupted capture)";

// Integer literals past 2^53 outside strings (v1.1 `id`, Grailbird `id`, twarc `matching_rules[].id`).
// The string branch is "unrolled" (no alternation under the star): `(?:[^"\\]|\\.)*` overflows V8's
// stack on a string of a few MB, which a twarc page line can hold.
const bigInteger = /"[^"\\]*(?:\\.[^"\\]*)*"|(?<![\d.eE+-])(-?\d{16,})(?![\d.eE])/g;
// A number token follows `:`, `[` or `,`: a text where no 16 digits do, inside strings or out, has no big
// integer, and JSON.parse reads it exactly (API v2 quotes its ids: the replace above cost most of a twarc2
// file's parsing, calling back for every string).
const bigIntegerToken = /[:[,]\s*-?\d{16,}/;

/**
 * JSON.parse that keeps integers past 2^53 as their digits (as strings), so ids and `raw` stay exact:
 * Node 20's reviver never sees the source text.
 */
export function parseJsonLossless(text: string): unknown {
  if (!bigIntegerToken.test(text)) return JSON.parse(text);
  const quoted = text.replace(bigInteger, (match, digits: string | undefined) =>
    digits && !Number.isSafeInteger(Number(digits)) ? `"${digits}"` : match);
  return JSON.parse(quoted);
}

/**
 * Streams a JSON Lines file. Blank lines are skipped and counted; a line that is not JSON is an error,
 * except the last one, which a killed capture (twarc stream, tweepy script) leaves cut in half.
 */
export async function* readJsonLines(file: SourceFile): AsyncGenerator<{line: number; value: JsonLine}> {
  let broken: {line: number; text: string; error: string} | null = null;
  for await (const {line, text} of readLines(file)) {
    if (text.trim() === "") {
      yield {line, value: {skip: blankLine}};
      continue;
    }
    if (broken) throw badLine(file, broken);
    try {
      yield {line, value: {value: parseJsonLossless(text)}};
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      broken = {line, text, error: error.message};
    }
  }
  if (broken) yield {line: broken.line, value: {skip: truncatedLastLine}};
}

function badLine(file: SourceFile, {line, text, error}: {line: number; text: string; error: string}): ParseError {
  const snippet = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return new ParseError(`invalid JSON line ${JSON.stringify(snippet)} (${error.toLowerCase()})`, {file: file.path, line});
}

/**
 * The lines of a probe's head, blank ones dropped; a line cut by the end of the head is dropped too,
 * unless it is the only one (a twarc page line is often longer than the head).
 */
export function headLines(head: string, limit = 20): string[] {
  const lines = head.split(/\r?\n/);
  if (head.length >= 60 * 1024 && lines.length > 1) lines.pop();
  return lines.filter((line) => line.trim() !== "").slice(0, limit);
}

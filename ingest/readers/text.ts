import {Readable} from "node:stream";
import {createInterface} from "node:readline";
import {ParseError} from "../../lib/errors.ts";
import type {SourceFile} from "../source-file.ts";

/**
 * The file as text: a UTF-8 BOM dropped, and Windows-1252 (what Excel saves Italian CSVs in) when the
 * first 64 KiB are not valid UTF-8. Later invalid bytes in a UTF-8 file are an error, not U+FFFD.
 */
export async function* decodeText(file: SourceFile): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let first = true;
  for await (const chunk of file.stream() as AsyncIterable<Buffer>) {
    if (!decoder) decoder = new TextDecoder(isUtf8(chunk.subarray(0, 64 * 1024)) ? "utf-8" : "windows-1252", {fatal: true});
    let text: string;
    try {
      text = decoder.decode(chunk, {stream: true});
    } catch {
      throw new ParseError("invalid UTF-8 bytes", {file: file.path});
    }
    if (first) {
      text = text.replace(/^\uFEFF/, "");
      first = false;
    }
    if (text) yield text;
  }
  const rest = decoder?.decode() ?? "";
  if (rest) yield rest;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes.subarray(0, lastCharBoundary(bytes)));
    return true;
  } catch {
    return false;
  }
}

// A sample may cut a multi-byte character in two: leave the partial tail out of the check.
function lastCharBoundary(bytes: Buffer): number {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) return end - back;
    break;
  }
  return end;
}

/** The file's lines, numbered from 1, without line endings. */
export async function* readLines(file: SourceFile): AsyncGenerator<{line: number; text: string}> {
  const lines = createInterface({input: Readable.from(decodeText(file)), crlfDelay: Infinity});
  let line = 0;
  for await (const text of lines) yield {line: ++line, text};
}

/** The whole file as text (for the small files of multi-file exports). */
export async function readText(file: SourceFile): Promise<string> {
  let text = "";
  for await (const chunk of decodeText(file)) text += chunk;
  return text;
}

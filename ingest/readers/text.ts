import {Readable} from "node:stream";
import {createInterface} from "node:readline";
import {ParseError} from "../../lib/errors.ts";
import type {SourceFile} from "../source-file.ts";

/**
 * The file as text: a UTF-8 BOM dropped, UTF-16 when a UTF-16 BOM says so (Meta Business Suite's daily
 * exports), and Windows-1252 (what Excel saves Italian CSVs in) when the first 64 KiB are not valid UTF-8.
 * Later invalid bytes in a UTF-8 file are an error, not U+FFFD.
 */
export async function* decodeText(file: SourceFile, {legacy = true}: DecodeOptions = {}): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let first = true;
  for await (const chunk of file.stream() as AsyncIterable<Buffer>) {
    if (!decoder) decoder = new TextDecoder(legacy ? sniffEncoding(chunk) : unicodeEncoding(chunk), {fatal: true});
    let text = decodeChunk(decoder, chunk, file);
    if (first) {
      text = text.replace(/^\uFEFF/, "");
      first = false;
    }
    if (text) yield text;
  }
  // a multi-byte character cut off by the end of the file fails here
  const rest = decoder ? decodeChunk(decoder, undefined, file) : "";
  if (rest) yield rest;
}

function decodeChunk(decoder: TextDecoder, chunk: Buffer | undefined, file: SourceFile): string {
  try {
    return chunk ? decoder.decode(chunk, {stream: true}) : decoder.decode();
  } catch {
    throw new ParseError(`invalid ${decoder.encoding === "utf-8" ? "UTF-8" : decoder.encoding.toUpperCase()} bytes`, {file: file.path});
  }
}

export interface DecodeOptions {
  /** Fall back to Windows-1252 (CSV from Excel); off for JSON, which is always Unicode (RFC 8259). */
  legacy?: boolean;
}

function unicodeEncoding(head: Buffer): string {
  const sniffed = sniffEncoding(head);
  return sniffed === "windows-1252" ? "utf-8" : sniffed;
}

function sniffEncoding(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return isUtf8(head.subarray(0, 64 * 1024)) ? "utf-8" : "windows-1252";
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
export async function readText(file: SourceFile, options: DecodeOptions = {}): Promise<string> {
  let text = "";
  for await (const chunk of decodeText(file, options)) text += chunk;
  return text;
}

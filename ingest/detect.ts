import type {Parser} from "./parser.ts";
import {parsers} from "./parsers/index.ts";
import {readHead, type SourceFile} from "./source-file.ts";

/** Files in an export that hold nothing to load (media, the archive's own viewer). */
const inertFile = /\.(jpe?g|png|gif|webp|heic|mp4|mov|m4a|mp3|ogg|opus|webm|pdf|html?|css|woff2?|ttf|svg|ico|DS_Store)$/i;

/** Which parser owns a file, decided from its content (and name); null when none does. */
export async function detectParser(file: SourceFile): Promise<Parser | null> {
  // an inert file is read only by a parser that names it, e.g. to refuse an HTML download with a reason
  const candidates = inertFile.test(file.innerPath) ? parsers.filter((parser) => parser.inert?.test(file.innerPath)) : parsers;
  if (!candidates.length) return null;
  const head = decodeHead(await readHead(file));
  const probe = {name: file.innerPath, head, path: file.path, sibling: file.sibling};
  return candidates.find((parser) => parser.detect(probe)) ?? null;
}

/** The head as text: UTF-16 when a byte-order mark says so (Excel's "Unicode text", some re-saves), else UTF-8. */
export function decodeHead(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  return new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, "");
}

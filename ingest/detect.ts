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
  const head = new TextDecoder("utf-8").decode(await readHead(file)).replace(/^\uFEFF/, "");
  const probe = {name: file.innerPath, head, path: file.path, sibling: file.sibling};
  return candidates.find((parser) => parser.detect(probe)) ?? null;
}

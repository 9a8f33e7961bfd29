import type {Parser} from "./parser.ts";
import {parsers} from "./parsers/index.ts";
import {readHead, type SourceFile} from "./source-file.ts";

/** Files in an export that hold nothing to load (media, the archive's own viewer). */
const inertFile = /\.(jpe?g|png|gif|webp|heic|mp4|mov|m4a|mp3|ogg|opus|webm|pdf|html?|css|woff2?|ttf|svg|ico|DS_Store)$/i;

/** Which parser owns a file, decided from its content (and name); null when none does. */
export async function detectParser(file: SourceFile): Promise<Parser | null> {
  if (inertFile.test(file.innerPath)) return null;
  const head = new TextDecoder("utf-8").decode(await readHead(file)).replace(/^\uFEFF/, "");
  const probe = {name: file.innerPath, head};
  return parsers.find((parser) => parser.detect(probe)) ?? null;
}

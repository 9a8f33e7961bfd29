/** Response files in the inbox: written whole or not at all, never over an earlier file. */
import {linkSync, mkdirSync, unlinkSync, writeFileSync} from "node:fs";
import {join} from "node:path";

/**
 * Writes `<prefix>.json` (then `<prefix>-2.json`, … if taken) through a hidden temporary file and a hard
 * link, which fails rather than replace an existing file. Returns the path written.
 */
export function writeResponse(inbox: string, prefix: string, text: string): string {
  mkdirSync(inbox, {recursive: true});
  const temporary = join(inbox, `.${prefix}.partial`);
  writeFileSync(temporary, text);
  try {
    for (let n = 1; n < 1000; n++) {
      const path = join(inbox, n === 1 ? `${prefix}.json` : `${prefix}-${n}.json`);
      try {
        linkSync(temporary, path);
        return path;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
    }
    throw new Error(`${join(inbox, prefix)}.json: 999 files with this name already`);
  } finally {
    unlinkSync(temporary);
  }
}

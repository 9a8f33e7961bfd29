import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {expandPaths, type SourceFile} from "../../../ingest/source-file.ts";

/** Writes byte-exact files to a temporary folder and opens them as SourceFiles. */
export function scratch() {
  const dir = mkdtempSync(join(tmpdir(), "ascolto-readers-"));
  return {
    async file(name: string, bytes: Buffer | string): Promise<SourceFile> {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const {files} = await expandPaths([path]);
      return files[0]!;
    },
    cleanup: () => rmSync(dir, {recursive: true, force: true})
  };
}

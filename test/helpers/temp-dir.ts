import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll} from "vitest";

const made: string[] = [];
// why: registered when a test file imports this module, so each file removes the folders it made
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true});
});

/** A fresh folder under the system's temp folder, removed after the test file's last test. */
export function tempDir(prefix = "ascolto-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

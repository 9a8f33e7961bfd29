/** Reading back what a `collect` run left in a temporary inbox. */
import {mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

export function tempInbox(): {dir: string; cleanup(): void} {
  const dir = mkdtempSync(join(tmpdir(), "ascolto-collect-"));
  return {dir, cleanup: () => rmSync(dir, {recursive: true, force: true})};
}

/** File names in the inbox, sorted; hidden files (the state) only when asked. */
export function listInbox(dir: string, {hidden = false} = {}): string[] {
  return readdirSync(dir).filter((name) => hidden || !name.startsWith(".")).sort();
}

/** Every file in the inbox, hidden ones included, as text. */
export function everyFileText(dir: string): string[] {
  return listInbox(dir, {hidden: true}).map((name) => readFileSync(join(dir, name), "utf8"));
}

export function readInbox(dir: string, name: string): string {
  return readFileSync(join(dir, name), "utf8");
}

export function readStateFile(dir: string): any {
  const name = listInbox(dir, {hidden: true}).find((n) => n.startsWith(".ascolto-collect-"));
  if (!name) throw new Error(`no state file in ${dir}`);
  return JSON.parse(readInbox(dir, name));
}

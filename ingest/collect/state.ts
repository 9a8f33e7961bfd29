/** The resume point of one source, kept beside its files in the inbox (a dot file: `ingest` skips it). */
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {ConfigError} from "../../lib/errors.ts";

/** One paged listing still to fetch: its file-name prefix, the URL of its next page (no credentials), the page number. */
export interface Unit {
  name: string;
  url: string;
  page: number;
}

export interface CollectState {
  version: 1;
  platform: string;
  source: string;
  /** The run's stamp, part of every file name it writes (`20250101T120000Z`). */
  run: string;
  startedAt: string;
  finishedAt: string | null;
  /** Listings still to fetch, the current one first; empty when the run is complete. */
  queue: Unit[];
  /** Pages written and units skipped so far in this run. */
  pages: number;
  skipped: number;
  /** Listings finished lately, so overlapping pages do not queue them again. */
  recent: string[];
  /** What a platform remembers between runs (Mastodon's local account id). */
  extra: Record<string, string>;
}

/** `file-safe`: letters, digits, `.`, `_`, `-`; anything else becomes `-`. */
export function safeName(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]+/g, "-");
}

export function statePath(inbox: string, platform: string, source: string): string {
  return join(inbox, `.ascolto-collect-${platform}-${safeName(source)}.json`);
}

export function readState(path: string): CollectState | null {
  if (!existsSync(path)) return null;
  try {
    const state = JSON.parse(readFileSync(path, "utf8")) as CollectState;
    if (state.version !== 1 || !Array.isArray(state.queue)) throw new Error(`unknown state version ${state.version}`);
    return state;
  } catch (error) {
    throw new ConfigError(`${path}: unreadable collect state (${(error as Error).message}); delete it to start over`);
  }
}

/** Writes through a temporary file and a rename, so an interrupted write never leaves half a state. */
export function writeState(path: string, state: CollectState): void {
  mkdirSync(join(path, ".."), {recursive: true});
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, JSON.stringify(state, null, 2) + "\n");
  renameSync(temporary, path);
}

/** `20250101T120000Z`: sortable, no `_` (Meta parsers read `<digits>_<digits>` in names as post ids). */
export function runStamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
}

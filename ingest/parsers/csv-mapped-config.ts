import {createReadStream, existsSync, statSync} from "node:fs";
import {basename, dirname, join, posix} from "node:path";
import type {CanonicalMetric, ItemKind, Platform} from "../canonical.ts";
import type {SourceFile} from "../source-file.ts";
import {ConfigError} from "../../lib/errors.ts";

/** A user's description of a CSV's columns (docs/csv-mapping.md), validated. */
export interface CsvMapping {
  /** Where the mapping came from, for messages. */
  path: string;
  platform: Platform;
  columns: Partial<Record<ColumnRole, string>>;
  time: {format: TimeFormat; zone: string | null};
  kind: ItemKind;
  kinds: Record<string, ItemKind>;
  account_id: string | null;
  counts: Record<string, CanonicalMetric>;
}

const platforms: Platform[] = ["x", "facebook", "instagram", "tiktok", "youtube", "telegram", "whatsapp", "mastodon"];
const itemKinds: ItemKind[] = ["post", "comment", "reply", "quote", "repost", "message"];
const metrics: CanonicalMetric[] = ["likes", "replies", "shares", "quotes", "views", "impressions", "reach", "saves", "reactions", "bookmarks", "interactions", "video_views"];
const roles = ["id", "author_id", "author_name", "author_handle", "created_at", "text", "parent_id", "kind", "url", "account_id", "lang"] as const;
const timeFormats = ["iso", "unix", "dd/mm/yyyy hh:mm", "mm/dd/yyyy hh:mm"] as const;
const topKeys = ["$schema", "description", "platform", "columns", "created_at", "kind", "kinds", "account_id", "counts"];

export type ColumnRole = (typeof roles)[number];
export type TimeFormat = (typeof timeFormats)[number];

/**
 * `<name>.mapping.json` beside `<name>.csv`, else `ascolto-mapping.json` in the same folder: among the
 * files being ingested, or on disk beside a CSV given alone.
 */
export function findMapping(csv: Pick<SourceFile, "path" | "innerPath"> & {sibling?: SourceFile["sibling"]}): SourceFile | null {
  const dir = posix.dirname(csv.innerPath);
  const own = `${posix.basename(csv.innerPath).replace(/\.[^.]+$/, "")}.mapping.json`;
  for (const name of [own, "ascolto-mapping.json"]) {
    const found = csv.sibling?.(name);
    if (found && posix.dirname(found.innerPath) === dir) return found;
    const onDisk = csv.path.includes("!") ? null : join(dirname(csv.path), name);
    if (onDisk && existsSync(onDisk)) return diskFile(onDisk);
  }
  return null;
}

function diskFile(path: string): SourceFile {
  const stat = statSync(path);
  return {
    path, innerPath: basename(path), bytes: stat.size, mtime: stat.mtime,
    stream: () => createReadStream(path), sibling: () => null
  };
}

/** Checks a parsed mapping file and fills its defaults; every problem names the file and the key. */
export function validateMapping(json: unknown, path: string): CsvMapping {
  const fail = (message: string): never => { throw new ConfigError(`${path}: ${message}`); };
  if (!json || typeof json !== "object" || Array.isArray(json)) fail("a mapping is a JSON object");
  const spec = json as Record<string, any>;
  for (const key of Object.keys(spec)) if (!topKeys.includes(key)) fail(`unknown key ${JSON.stringify(key)} (known: ${topKeys.slice(2).join(", ")})`);
  if (!platforms.includes(spec.platform)) fail(`platform ${JSON.stringify(spec.platform ?? null)} is not one of ${platforms.join(", ")}`);
  const columns = spec.columns ?? fail("columns is missing: say which CSV column holds each field");
  if (typeof columns !== "object" || Array.isArray(columns)) fail("columns must map field names to CSV column names");
  for (const [role, column] of Object.entries(columns)) {
    if (!(roles as readonly string[]).includes(role)) fail(`unknown field columns.${role} (known: ${roles.join(", ")})`);
    if (typeof column !== "string" || !column.trim()) fail(`columns.${role} must be a column name`);
  }
  const time = spec.created_at ?? {};
  if (columns.created_at && !timeFormats.includes(time.format)) {
    fail(`created_at.format ${JSON.stringify(time.format ?? null)} is not one of ${timeFormats.map((f) => JSON.stringify(f)).join(", ")}`);
  }
  if (time.zone !== undefined && !validZone(time.zone)) fail(`created_at.zone ${JSON.stringify(time.zone)} is not an IANA time zone`);
  const kind = spec.kind ?? "post";
  if (!itemKinds.includes(kind)) fail(`kind ${JSON.stringify(kind)} is not one of ${itemKinds.join(", ")}`);
  const kinds = spec.kinds ?? {};
  for (const [value, mapped] of Object.entries(kinds)) {
    if (!itemKinds.includes(mapped as ItemKind)) fail(`kinds.${value}: ${JSON.stringify(mapped)} is not one of ${itemKinds.join(", ")}`);
  }
  const countSpec = spec.counts ?? {};
  for (const [column, metric] of Object.entries(countSpec)) {
    if (!metrics.includes(metric as CanonicalMetric)) fail(`counts.${column}: ${JSON.stringify(metric)} is not a canonical metric (${metrics.join(", ")})`);
  }
  if (spec.account_id !== undefined && (typeof spec.account_id !== "string" || !spec.account_id.trim())) fail("account_id must be text");
  return {
    path, platform: spec.platform, columns, kind, kinds, counts: countSpec,
    time: {format: time.format ?? "iso", zone: time.zone ?? null},
    account_id: spec.account_id ?? null
  };
}

/** Every CSV column the mapping names, with the key that names it. */
export function mappedColumns(mapping: CsvMapping): Array<[key: string, column: string]> {
  return [
    ...Object.entries(mapping.columns).map(([role, column]) => [`columns.${role}`, column] as [string, string]),
    ...Object.keys(mapping.counts).map((column) => [`counts.${column}`, column] as [string, string])
  ];
}

function validZone(zone: unknown): boolean {
  if (typeof zone !== "string") return false;
  try {
    new Intl.DateTimeFormat("en", {timeZone: zone});
    return true;
  } catch {
    return false;
  }
}

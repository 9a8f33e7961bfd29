/** What Facebook and Instagram Graph API files share: how scripts save lists, paging, overlaps. */
import {posix} from "node:path";
import type {Rows} from "../canonical.ts";
import {id, parseIsoDate, str} from "../values.ts";
import type {Json} from "./meta-rows.ts";
import {ParseError} from "../../lib/errors.ts";

/** A saved Graph API response, unwrapped: its records and what the file says about where they hang. */
export interface GraphFile {
  records: Json[];
  /** The page or IG user node the list was read from (`/{page-id}?fields=posts{…}`), if the file is one. */
  node: Json | null;
  /** The edge (`feed`, `comments`, `media`…) and the object before it, read from a paging URL. */
  edge: string | null;
  objectId: string | null;
}

/**
 * Accepts what collection scripts save: one response `{data, paging}`, an array of responses, a bare array
 * of records, a node with the list under one of `edges`, or a single record.
 */
export function unwrapGraph(json: unknown, edges: string[]): GraphFile {
  if (Array.isArray(json)) {
    const pages = json.length > 0 && json.every((page) => Array.isArray(page?.data));
    return pages
      ? {records: json.flatMap((page) => page.data), node: null, ...pagingTarget(json.map((page) => page.paging))}
      : {records: json, node: null, edge: null, objectId: null};
  }
  if (!json || typeof json !== "object") throw new ParseError("not a Graph API response: neither an object nor an array");
  const object = json as Json;
  if (Array.isArray(object.data)) return {records: object.data, node: null, ...pagingTarget([object.paging])};
  const edge = edges.find((name) => Array.isArray(object[name]?.data));
  if (edge) {
    const target = pagingTarget([object[edge].paging]);
    return {records: object[edge].data, node: object, edge, objectId: target.objectId ?? id(object.id)};
  }
  if (object.id !== undefined) return {records: [object], node: null, edge: null, objectId: null};
  throw new ParseError(`not a Graph API response: no data list (keys ${Object.keys(object).slice(0, 8).join(", ")})`);
}

/** `https://graph.facebook.com/v19.0/{object-id}/{edge}?…` from `paging.next` or `paging.previous`. */
function pagingTarget(pagings: unknown[]): {edge: string | null; objectId: string | null} {
  for (const paging of pagings as Json[]) {
    for (const link of [paging?.next, paging?.previous]) {
      if (typeof link !== "string") continue;
      try {
        const parts = new URL(link).pathname.split("/").filter(Boolean).filter((part) => !/^v\d+(\.\d+)?$/.test(part));
        if (parts.length >= 2) return {objectId: parts[parts.length - 2]!, edge: parts[parts.length - 1]!};
      } catch {
        // not a URL: the cursors alone say nothing about the object
      }
    }
  }
  return {edge: null, objectId: null};
}

/** An id written in the file's name (`comments_123_456.json`, `17890000000000001.json`). */
export function idInName(path: string): string | null {
  const base = posix.basename(path);
  return /(\d+_\d+)/.exec(base)?.[1] ?? /(\d{6,})/.exec(base)?.[1] ?? null;
}

/** The `<prefix>` of a `<prefix>_<suffix>` id. */
export function idPrefix(value: string | null): string | null {
  return value && value.includes("_") ? value.slice(0, value.indexOf("_")) : null;
}

export const overlapRule = "item repeated in the file (overlapping pages)";

/**
 * Drops items already met in the file, with their counts: saved pages overlap when new posts shift the
 * cursor. The first sighting is kept; a repeated post still brings comments that are new.
 */
export function firstSightings(): (rows: Rows) => Rows {
  const seen = new Set<string>();
  return (rows) => {
    const items = (rows.items ?? []).filter((row) => (seen.has(row.item_id) ? false : (seen.add(row.item_id), true)));
    const dropped = (rows.items?.length ?? 0) - items.length;
    if (!dropped) return rows;
    const kept = new Set(items.map((row) => row.item_id));
    return {
      ...rows, items, counts: (rows.counts ?? []).filter((count) => kept.has(count.item_id)),
      skipped: {...rows.skipped, [overlapRule]: dropped}
    };
  };
}

/** The records of an embedded edge (`comments`, `replies`, `attachments`): `{data: [...]}`. */
export function edgeData(edge: unknown): Json[] {
  const data = (edge as Json | undefined)?.data;
  return Array.isArray(data) ? data : [];
}

/** Graph times are ISO-8601 with a `+0000` offset; a bad one names its field. */
export function graphTime(value: unknown, field: string): string | null {
  if (!str(value)) return null;
  try {
    return parseIsoDate(String(value));
  } catch (error) {
    throw error instanceof ParseError ? new ParseError(error.reason, {field}) : error;
  }
}

/** Appends the rows of nested records (comments, replies) to their parent's rows. */
export function mergeRows(first: Rows, ...rest: Rows[]): Rows {
  for (const rows of rest) {
    for (const key of ["items", "counts", "authors", "accounts"] as const) (first[key] as unknown[]) = [...(first[key] ?? []), ...(rows[key] ?? [])];
  }
  return first;
}

/** What Facebook's and Instagram's "Download Your Information" JSON files share: no ids, Unix seconds. */
import {posix} from "node:path";
import type {NamedAccount} from "./meta-rows.ts";
import {fromUnixSeconds} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";

/** The account that requested the download, as far as its files tell. */
export type DyiOwner = NamedAccount;

/** A DYI time: Unix seconds, as a number or digits; anything else names the field. */
export function dyiTime(value: unknown, field: string): string {
  const valid = (typeof value === "number" && Number.isFinite(value) && value > 0) || (typeof value === "string" && /^\d+$/.test(value) && Number(value) > 0);
  if (!valid) throw new ParseError(`${field} ${JSON.stringify(value)} is not a Unix time`, {field});
  return fromUnixSeconds(value);
}

/**
 * A media path's file name: the folders around it moved between download eras ("posts/media/…",
 * "your_facebook_activity/posts/media/…"), the name did not.
 */
export function mediaName(uri: unknown): string | null {
  return typeof uri === "string" && uri ? posix.basename(uri) : null;
}

/** A filter that lets each synthetic id through once: DYI files repeat records verbatim. */
export function firstSighting(): (itemId: string) => boolean {
  const seen = new Set<string>();
  return (itemId) => (seen.has(itemId) ? false : (seen.add(itemId), true));
}

export const duplicateRule = "exact duplicate of an earlier record in the file";

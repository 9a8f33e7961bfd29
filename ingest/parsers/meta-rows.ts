/** Row helpers shared by the Facebook and Instagram parsers (DYI and Graph API). */
import {createHash} from "node:crypto";
import type {AccountRow, AuthorRow, Platform, Rows} from "../canonical.ts";

export type Json = Record<string, any>;

/** An account known only by a key (name or username in DYI files, which carry no numeric ids). */
export interface NamedAccount {
  id: string;
  handle: string | null;
  name: string | null;
}

/**
 * A deterministic id for a record exported without one: the same record in two downloads gets the same
 * id, so re-imports upsert instead of duplicating.
 */
export function syntheticId(prefix: string, parts: Array<string | number | null | undefined>): string {
  const digest = createHash("sha256").update(JSON.stringify(parts.map((part) => part ?? null))).digest("hex");
  return `${prefix}:${digest.slice(0, 32)}`;
}

/** The account as the channel and as an author. */
export function ownerRows(platform: Platform, owner: NamedAccount | null, followers: number | null = null): Rows {
  if (!owner) return {};
  return {
    accounts: [{platform, account_id: owner.id, handle: owner.handle, display_name: owner.name, followers}],
    authors: [{platform, author_id: owner.id, handle: owner.handle, name: owner.name, followers}]
  };
}

/** Records already in memory as numbered values, for `mapRecords`. */
export async function* numbered(values: unknown[]): AsyncGenerator<{index: number; value: unknown}> {
  for (const [index, value] of values.entries()) yield {index, value};
}

/**
 * Folds the account and author rows of a file: a row is passed on only when it adds something, merged
 * with what came before. The loader keeps the last row per id, so a later, sparser mention (a Page named
 * only by id under a visitor's post) must not blank an earlier name.
 */
export function entityFolder(): (rows: Rows) => Rows {
  const accounts = new Map<string, AccountRow>();
  const authors = new Map<string, AuthorRow>();
  return (rows) => ({
    ...rows,
    accounts: fold(accounts, rows.accounts ?? [], (row) => row.account_id),
    authors: fold(authors, rows.authors ?? [], (row) => row.author_id)
  });
}

function fold<T extends object>(seen: Map<string, T>, rows: T[], key: (row: T) => string): T[] {
  const out: T[] = [];
  for (const row of rows) {
    const before = seen.get(key(row));
    const merged = before ? (Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v ?? (before as Json)[k]])) as T) : row;
    if (before && JSON.stringify(before) === JSON.stringify(merged)) continue;
    seen.set(key(row), merged);
    out.push(merged);
  }
  return out;
}

import {id} from "../values.ts";
import {accountKeyOf} from "./mastodon-ids.ts";

type Json = Record<string, any>;

/** Who answers whom among the statuses of one API file, for thread roots and the accounts they belong to. */
export interface StatusIndex {
  /** status id → parent id (null for a top-level status); absent when the status is not in the file. */
  parentOf: Map<string, string | null>;
  /** status id → its author's `user@host`. */
  accountOf: Map<string, string>;
  /** full API accounts by `user@host`, for display names and followers. */
  accounts: Map<string, Json>;
}

/**
 * Indexes a file's statuses (and the statuses they boost). A context response also tells about its focal
 * status, which it leaves out: the first descendant answers it and the last ancestor is its parent.
 */
export function indexStatuses(statuses: Json[], context: {ancestors: Json[]; descendants: Json[]} | null): StatusIndex {
  const index: StatusIndex = {parentOf: new Map(), accountOf: new Map(), accounts: new Map()};
  const keyByLocalId = new Map<string, string>();
  const all = statuses.flatMap((status) => (status?.reblog ? [status, status.reblog] : [status]));
  for (const status of all) {
    const key = accountKeyOf(status?.account);
    if (key) {
      index.accounts.set(key, status.account);
      const local = id(status.account.id);
      if (local) keyByLocalId.set(local, key);
    }
    for (const mention of status?.mentions ?? []) {
      const mentioned = accountKeyOf(mention);
      const local = id(mention.id);
      if (mentioned && local && !keyByLocalId.has(local)) keyByLocalId.set(local, mentioned);
    }
  }
  for (const status of all) {
    const statusId = id(status?.id);
    if (!statusId) continue;
    index.parentOf.set(statusId, id(status.in_reply_to_id));
    const key = accountKeyOf(status.account);
    if (key) index.accountOf.set(statusId, key);
  }
  // a parent outside the file: its author is still known from in_reply_to_account_id (and the mentions)
  for (const status of all) {
    const parent = id(status?.in_reply_to_id);
    const parentAccount = keyByLocalId.get(id(status?.in_reply_to_account_id) ?? "");
    if (parent && !index.accountOf.has(parent) && parentAccount) index.accountOf.set(parent, parentAccount);
  }
  const focal = id(context?.descendants[0]?.in_reply_to_id);
  if (context && focal && !index.parentOf.has(focal)) index.parentOf.set(focal, id(context.ancestors.at(-1)?.id));
  return index;
}

/**
 * The thread root of a reply and the account it belongs to (the root's author). When the chain leaves the
 * file, the root is unknown and the account is that of the farthest known ancestor.
 */
export function threadOf(statusId: string, index: StatusIndex): {root: string | null; account: string | null} {
  let current = statusId;
  let account = index.accountOf.get(statusId) ?? null;
  const visited = new Set<string>();
  while (!visited.has(current)) {
    visited.add(current);
    if (!index.parentOf.has(current)) return {root: null, account};
    const parent = index.parentOf.get(current)!;
    if (parent === null) return {root: current, account: index.accountOf.get(current) ?? account};
    account = index.accountOf.get(parent) ?? account;
    current = parent;
  }
  return {root: null, account};
}

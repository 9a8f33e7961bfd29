/**
 * Mastodon identities. Account ids are `user@host`, lower-case: the numeric account ids of the API are
 * local to the server that answered (the same person has a different one on every server), while
 * `user@host` reads the same from an archive's actor URI and from an API account. Status ids are the
 * home server's id (`/statuses/<id>` in an ActivityPub URI, `id` in the API), kept as text.
 */

type Json = Record<string, any>;

function hostOf(url: unknown): string | null {
  try {
    return typeof url === "string" ? new URL(url).host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** `user@host` from an actor URI (`https://host/users/user`) or profile URL (`https://host/@user`). */
export function accountKeyFromUri(uri: unknown): string | null {
  const m = typeof uri === "string" ? /^https?:\/\/([^/]+)\/(?:users\/|@)([^/?#]+)\/?$/.exec(uri) : null;
  return m ? `${m[2]}@${m[1]}`.toLowerCase() : null;
}

/** `user@host` from an API account (`acct` is bare for accounts of the server that answered). */
export function accountKeyOf(account: Json | null | undefined): string | null {
  if (!account) return null;
  const acct = typeof account.acct === "string" ? account.acct.replace(/^@/, "") : null;
  if (acct?.includes("@")) return acct.toLowerCase();
  const host = hostOf(account.url);
  const user = acct ?? account.username;
  if (user && host) return `${user}@${host}`.toLowerCase();
  return accountKeyFromUri(account.url);
}

/**
 * A status reference from an ActivityPub URI: the `/statuses/<id>` of the owner's own server, else the
 * whole URI (another server's ids are not this server's, so they cannot be compared with API ids).
 */
export function statusRef(uri: unknown, homeHost: string | null): string | null {
  if (typeof uri !== "string" || !uri) return null;
  const m = /^https?:\/\/([^/]+)\/.*\/statuses\/([^/?#]+)(?:\/activity)?$/.exec(uri);
  return m && m[1]!.toLowerCase() === homeHost ? m[2]! : uri;
}

export {hostOf};

/** `collect mastodon`: an account's statuses from its public API, and the replies under each via context. */
import {retryAfterMs, type Reply, type Verdict} from "./http.ts";
import {rebase, stripSecrets} from "./redact.ts";
import type {Followed, Source} from "./run.ts";
import {safeName, type Unit} from "./state.ts";
import {ConfigError} from "../../lib/errors.ts";

type Json = Record<string, any>;

export interface MastodonOptions {
  /** `user@instance`. */
  account: string;
  /** The instance's base URL; defaults to `https://` + the account's host. */
  instance?: string;
  since?: Date | null;
}

/** The public Mastodon API source for one account: no token. */
export function mastodonSource({account, instance, since = null}: MastodonOptions): Source {
  const match = /^@?([^@\s]+)@([^@\s/]+)$/.exec(account);
  if (!match) throw new ConfigError(`mastodon account "${account}" is not user@instance`);
  const [, user, host] = match as unknown as [string, string, string];
  const base = (instance?.trim() || `https://${host}`).replace(/\/+$/, "");
  const acct = `${user}@${host}`.toLowerCase();
  const statuses = (id: string): Unit => ({name: `mastodon-statuses-${safeName(acct)}`, url: `${base}/api/v1/accounts/${encodeURIComponent(id)}/statuses?limit=40`, page: 1});
  const context = (id: string): Unit => ({name: `mastodon-context-${safeName(id)}`, url: `${base}/api/v1/statuses/${encodeURIComponent(id)}/context`, page: 1});
  return {
    platform: "mastodon",
    source: acct,
    secrets: [],
    async start(call, extra) {
      // the local id is fixed for the account on this instance: looked up once, remembered in the state
      if (!extra.accountId) {
        const found = (await call(`${base}/api/v1/accounts/lookup?${new URLSearchParams({acct: user})}`)).json as Json | null;
        if (typeof found?.id !== "string") throw new ConfigError(`mastodon account ${acct} not found on ${base}`);
        extra.accountId = found.id;
      }
      return [statuses(extra.accountId)];
    },
    request: (url) => ({url, headers: {accept: "application/json"}}),
    classify: classifyMastodon,
    follow(unit: Unit, reply: Reply): Followed {
      if (unit.name.startsWith("mastodon-context-")) {
        const json = reply.json as Json | null;
        const records = (json?.ancestors?.length ?? 0) + (json?.descendants?.length ?? 0);
        return {next: null, units: [], records};
      }
      const page: Json[] = Array.isArray(reply.json) ? reply.json : [];
      const recent = page.filter((status) => !(since && Date.parse(status.created_at) < since.getTime()));
      // a boost's replies belong to the boosted status's thread, not to this account
      const units = recent.filter((status) => !status.reblog && Number(status.replies_count ?? 0) > 0).map((status) => context(String(status.id)));
      const next = page.length && recent.length === page.length ? nextLink(reply.headers.get("link"), base) : null;
      return {next, units, records: page.length};
    }
  };
}

/** The `rel="next"` URL of a Link header (`max_id` paging), on the configured instance. */
export function nextLink(link: string | null, base: string): string | null {
  for (const part of (link ?? "").split(",")) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return stripSecrets(rebase(m[1]!, base));
  }
  return null;
}

/** 429 waits until Retry-After or X-RateLimit-Reset; a status deleted meanwhile (404, 410) is skipped. */
export function classifyMastodon(reply: Reply): Verdict {
  const message = `HTTP ${reply.status}: ${(reply.json as Json | null)?.error ?? "no message"}`;
  if (reply.status === 429) {
    const reset = Date.parse(reply.headers.get("x-ratelimit-reset") ?? "");
    return {kind: "wait", message, afterMs: retryAfterMs(reply.headers) ?? (Number.isNaN(reset) ? undefined : Math.max(0, reset - Date.now()))};
  }
  if (reply.status >= 500 || (reply.status < 300 && reply.json === null)) return {kind: "retry", message};
  if (reply.status === 404 || reply.status === 410) return {kind: "skip", message};
  if (reply.status >= 400) return {kind: "stop", reason: "failed", message: `${message} (the instance may require sign-in for this account)`};
  // the instance allows 300 calls in 5 minutes: when the last is spent, wait for the window to reset
  const remaining = Number(reply.headers.get("x-ratelimit-remaining") ?? NaN);
  const reset = Date.parse(reply.headers.get("x-ratelimit-reset") ?? "");
  return remaining <= 0 && !Number.isNaN(reset) ? {kind: "ok", pauseMs: Math.max(0, reset - Date.now())} : {kind: "ok"};
}

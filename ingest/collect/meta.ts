/** What Facebook and Instagram collection share: the Graph API's errors, usage headers and paging. */
import {retryAfterMs, type Reply, type Verdict} from "./http.ts";
import {rebase, stripSecrets} from "./redact.ts";
import {ConfigError} from "../../lib/errors.ts";

type Json = Record<string, any>;

export const defaultMetaBase = "https://graph.facebook.com/v23.0";

/** The Page access token and the API base, from the environment only. */
export function metaSettings(env: NodeJS.ProcessEnv = process.env): {token: string; base: string} {
  const token = env.ASCOLTO_META_TOKEN?.trim();
  if (!token) throw new ConfigError("set ASCOLTO_META_TOKEN to a Page access token (see docs/collect.md); tokens are never read from arguments");
  return {token, base: (env.ASCOLTO_META_BASE_URL?.trim() || defaultMetaBase).replace(/\/+$/, "")};
}

// 4 app, 17 user, 32 page, 613 custom rate limits; 80000–80014 business use case limits
const rateCodes = new Set([4, 17, 32, 613]);
// 190 invalid or expired token; 102 session; 10 and 200–299 a permission the token lacks
const authCodes = (code: number) => code === 190 || code === 102 || code === 10 || (code >= 200 && code <= 299);
const usageLimit = 90;

/** Classifies a Graph API reply: the error object's code decides, the HTTP status only when there is none. */
export function classifyMeta(reply: Reply, {usagePauseMs = 60_000} = {}): Verdict {
  const error = (reply.json as Json | null)?.error as Json | undefined;
  const after = retryAfterMs(reply.headers) ?? regainMs(reply.headers) ?? undefined;
  if (!error) {
    if (reply.status === 429) return {kind: "wait", message: "HTTP 429", afterMs: after};
    if (reply.status >= 500 || reply.json === null) return {kind: "retry", message: `HTTP ${reply.status}${reply.json === null ? ", not JSON" : ""}`};
    if (reply.status >= 400) return {kind: "stop", reason: "failed", message: `HTTP ${reply.status}`};
    return usagePercent(reply.headers) >= usageLimit ? {kind: "ok", pauseMs: regainMs(reply.headers) ?? usagePauseMs} : {kind: "ok"};
  }
  const code = Number(error.code);
  const message = `Graph API error ${code}${error.error_subcode ? `/${error.error_subcode}` : ""}: ${error.message ?? "no message"}`;
  if (authCodes(code)) {
    return {kind: "stop", reason: "auth", message: `${message}. The Page access token is expired, invalid or lacks a permission: get a new one (docs/collect.md) and set ASCOLTO_META_TOKEN`};
  }
  if (rateCodes.has(code) || (code >= 80000 && code <= 80014)) return {kind: "wait", message, afterMs: after};
  if (error.is_transient === true || code === 1 || code === 2 || reply.status >= 500) return {kind: "retry", message};
  // 100/33: the object is gone (a post deleted while the feed was read); its comments cannot be read
  if (code === 100 && Number(error.error_subcode) === 33) return {kind: "skip", message};
  return {kind: "stop", reason: "failed", message};
}

/** The highest usage percentage Meta reports in `x-app-usage`, `x-page-usage` or `x-business-use-case-usage`. */
export function usagePercent(headers: Headers): number {
  const values: number[] = [];
  for (const name of ["x-app-usage", "x-page-usage"]) values.push(...percentages(parse(headers.get(name))));
  const business = parse(headers.get("x-business-use-case-usage"));
  for (const entries of Object.values(business ?? {})) for (const entry of Array.isArray(entries) ? entries : []) values.push(...percentages(entry));
  return Math.max(0, ...values);
}

/** `estimated_time_to_regain_access` (minutes) from the business use case header, in milliseconds. */
function regainMs(headers: Headers): number | null {
  const business = parse(headers.get("x-business-use-case-usage"));
  const minutes = Object.values(business ?? {}).flat().map((entry) => Number((entry as Json)?.estimated_time_to_regain_access) || 0);
  const most = Math.max(0, ...minutes);
  return most > 0 ? most * 60_000 : null;
}

function percentages(entry: Json | null): number[] {
  return ["call_count", "total_cputime", "total_time"].map((key) => Number(entry?.[key])).filter(Number.isFinite);
}

function parse(value: string | null): Json | null {
  try {
    return value ? JSON.parse(value) : null;
  } catch {
    return null;
  }
}

/** `paging.next` of a Graph list, on the configured base and without the token; null on the last page. */
export function nextPage(json: unknown, base: string): string | null {
  const next = (json as Json | null)?.paging?.next;
  return typeof next === "string" ? stripSecrets(rebase(next, base)) : null;
}

/** The records of a Graph list response. */
export function dataOf(json: unknown): Json[] {
  const data = (json as Json | null)?.data;
  return Array.isArray(data) ? data : [];
}

/** Whether a record is older than `since`; Graph times carry `+0000`, which Date.parse reads. */
export function olderThan(time: unknown, since: Date | null): boolean {
  return since !== null && typeof time === "string" && Date.parse(time) < since.getTime();
}

/** A Graph URL with the token as a query parameter (the documented way); the stored URL never holds it. */
export function withToken(url: string, token: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("access_token", token);
  return parsed.toString();
}

/** One API request with bounded retries: transient failures back off, rate limits wait, the rest stop. */
import {redactText} from "./redact.ts";

/** Why a run stopped; each has its own exit code so a scheduler can tell them apart. */
export type StopReason = "auth" | "rate-limited" | "failed";

export const collectExitCodes = {ok: 0, failed: 1, config: 3, "rate-limited": 4, auth: 5} as const;

/** A stop the user must act on (renew a token, wait for the quota): the message says which. */
export class CollectError extends Error {
  constructor(readonly reason: StopReason, message: string) {
    super(message);
    this.name = "CollectError";
  }
}

/** What a platform makes of a response. `pauseMs` on success: usage is high, slow down before the next call. */
export type Verdict =
  | {kind: "ok"; pauseMs?: number}
  | {kind: "retry"; message: string}
  | {kind: "wait"; message: string; afterMs?: number}
  | {kind: "skip"; message: string}
  | {kind: "stop"; reason: StopReason; message: string};

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface RetryOptions {
  /** Attempts for transient failures (5xx, network, timeouts). */
  attempts?: number;
  baseMs?: number;
  maxMs?: number;
  /** Total time a run may spend waiting on rate limits before it stops to be resumed later. */
  maxWaitMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  log?: (message: string) => void;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Full-jitter exponential backoff: a random delay up to base·2^attempt, capped. */
export function backoff(attempt: number, {baseMs = 1000, maxMs = 60_000, random = Math.random}: RetryOptions = {}): number {
  return Math.round(random() * Math.min(maxMs, baseMs * 2 ** attempt));
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds; null when absent or unreadable. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | null {
  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Waits spent on rate limits across a run, against one budget. */
export class WaitBudget {
  spentMs = 0;
  constructor(readonly maxMs: number) {}
  async spend(ms: number, sleeper: (ms: number) => Promise<void>, what: string): Promise<void> {
    if (this.spentMs + ms > this.maxMs) {
      throw new CollectError("rate-limited", `${what}; waited ${Math.round(this.spentMs / 1000)} s already: run again later to resume`);
    }
    this.spentMs += ms;
    await sleeper(ms);
  }
}

export interface Request {
  url: string;
  headers?: Record<string, string>;
  /** The URL as logs may show it (no credentials). */
  shown: string;
  secrets: string[];
}

/**
 * Fetches a request until the platform's verdict is final. Transient failures retry up to `attempts`
 * times; rate limits wait (Retry-After, else backoff) within the run's wait budget. Nothing printed or
 * thrown carries a secret.
 */
export async function fetchWithRetry(
  request: Request,
  classify: (reply: Reply) => Verdict,
  budget: WaitBudget,
  options: RetryOptions = {}
): Promise<{reply: Reply; verdict: Verdict}> {
  const {attempts = 5, timeoutMs = 30_000, sleep: sleeper = sleep, log = () => {}} = options;
  const clean = (text: string) => redactText(text, request.secrets);
  let failures = 0;
  for (let waits = 0; ; ) {
    let verdict: Verdict;
    let reply: Reply | null = null;
    try {
      const response = await fetch(request.url, {headers: request.headers, signal: AbortSignal.timeout(timeoutMs), redirect: "error"});
      const text = await response.text();
      reply = {status: response.status, headers: response.headers, text, json: parseJson(text)};
      verdict = classify(reply);
    } catch (error) {
      verdict = {kind: "retry", message: `network error: ${clean((error as Error).message)}`};
    }
    if (verdict.kind === "ok" || verdict.kind === "skip") return {reply: reply!, verdict};
    if (verdict.kind === "stop") throw new CollectError(verdict.reason, `${request.shown}: ${clean(verdict.message)}`);
    if (verdict.kind === "retry") {
      if (++failures >= attempts) throw new CollectError("failed", `${request.shown}: ${clean(verdict.message)} (gave up after ${failures} attempts)`);
      const ms = backoff(failures - 1, options);
      log(`${clean(verdict.message)} on ${request.shown}: retry ${failures}/${attempts - 1} in ${ms} ms`);
      await sleeper(ms);
      continue;
    }
    // wait: a rate limit; bounded by the budget and by a count, so a server that always says 429 ends the run
    if (++waits > 20) throw new CollectError("rate-limited", `${request.shown}: ${clean(verdict.message)} (still limited after ${waits - 1} waits)`);
    const ms = verdict.afterMs ?? backoff(waits - 1, {...options, baseMs: options.baseMs ?? 30_000, maxMs: options.maxMs ?? 15 * 60_000});
    log(`${clean(verdict.message)} on ${request.shown}: waiting ${Math.round(ms / 1000)} s`);
    await budget.spend(ms, sleeper, `${request.shown}: ${clean(verdict.message)}`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

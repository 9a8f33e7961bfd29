/** The paging loop every platform shares: fetch, save the page unchanged, follow, remember where it stopped. */
import {writeResponse} from "./inbox.ts";
import {fetchWithRetry, sleep, WaitBudget, type Reply, type RetryOptions, type Verdict} from "./http.ts";
import {redactText, stripSecrets} from "./redact.ts";
import {readState, runStamp, statePath, writeState, type Unit} from "./state.ts";

/** What a page leads to: the next page of its listing, further listings, and how many records it holds. */
export interface Followed {
  next: string | null;
  units: Unit[];
  /** Records in the page; an empty page is not written (no parser would claim it). */
  records: number;
}

/** One platform's API as the loop sees it. */
export interface Source {
  platform: string;
  /** The page, user, channel or account the user named. */
  source: string;
  /** Values that must never reach a file or a log. */
  secrets: string[];
  /** The first listings of a fresh run; `call` fetches a URL (for lookups), `extra` persists across runs. */
  start(call: (url: string) => Promise<Reply>, extra: Record<string, string>): Promise<Unit[]>;
  /** The request for a stored, credential-free URL. */
  request(url: string): {url: string; headers?: Record<string, string>};
  classify(reply: Reply): Verdict;
  follow(unit: Unit, reply: Reply): Followed;
}

export interface CollectOptions extends RetryOptions {
  inbox: string;
  /** Pages per listing (a feed, a comment thread). */
  maxPages?: number;
  /** Requests per run; the run stops there and the next one resumes. */
  maxRequests?: number;
  now?: () => Date;
}

export interface CollectReport {
  platform: string;
  source: string;
  run: string;
  complete: boolean;
  requests: number;
  files: string[];
  skipped: number;
  statePath: string;
}

// listings finished lately: overlapping pages must not queue them again
const recentLimit = 500;

/**
 * Collects a source into the inbox. A run resumes the state file's queue when one is left, else starts
 * fresh. Derived listings (a post's comments) go before the rest of the listing that found them, so the
 * queue stays short and the newest posts' comments come first. The state is saved after every page.
 */
export async function collect(source: Source, options: CollectOptions): Promise<CollectReport> {
  const {inbox, maxPages = 1000, maxRequests = 20_000, now = () => new Date(), log = () => {}, maxWaitMs = 15 * 60_000} = options;
  const path = statePath(inbox, source.platform, source.source);
  const budget = new WaitBudget(maxWaitMs);
  let requests = 0;
  const call = async (url: string) => {
    requests++;
    const request = source.request(url);
    return fetchWithRetry({...request, shown: stripSecrets(url), secrets: source.secrets}, (reply) => source.classify(reply), budget, options);
  };
  let state = readState(path);
  if (state && state.queue.length) {
    log(`resuming run ${state.run}: ${state.queue.length} listings left, ${state.pages} pages already written`);
  } else {
    const extra = state?.extra ?? {};
    const started = now();
    const lookup = async (url: string) => (await call(url)).reply;
    state = {version: 1, platform: source.platform, source: source.source, run: runStamp(started), startedAt: started.toISOString(),
      finishedAt: null, queue: [], pages: 0, skipped: 0, extra, recent: []};
    state.queue = await source.start(lookup, extra);
    writeState(path, state);
  }
  const files: string[] = [];
  const recent = new Set(state.recent ?? []);
  let pauseMs = 0;
  while (state.queue.length && requests < maxRequests) {
    if (pauseMs) await budget.spend(pauseMs, options.sleep ?? sleep, "API usage is high");
    const unit = state.queue[0]!;
    const {reply, verdict} = await call(unit.url);
    pauseMs = verdict.kind === "ok" ? verdict.pauseMs ?? 0 : 0;
    if (verdict.kind === "skip") {
      log(`skipped ${stripSecrets(unit.url)}: ${redactText(verdict.message, source.secrets)}`);
      state.queue.shift();
      state.skipped++;
      writeState(path, state);
      continue;
    }
    const followed = source.follow(unit, reply);
    if (followed.records > 0) {
      const file = writeResponse(inbox, `${unit.name}-${state.run}-p${String(unit.page).padStart(4, "0")}`, redactText(reply.text, source.secrets));
      files.push(file);
      state.pages++;
      log(`wrote ${file} (${followed.records} records)`);
    }
    const queued = new Set(state.queue.map((u) => u.name));
    const derived = followed.units.filter((u) => !queued.has(u.name) && !recent.has(u.name) && queued.add(u.name));
    state.queue.shift();
    // an empty page ends its listing even when it links a next one: Graph API feeds can do that for ever
    if (followed.next && followed.records > 0 && unit.page < maxPages) state.queue.unshift({...unit, url: stripSecrets(followed.next), page: unit.page + 1});
    else remember(recent, unit.name);
    state.queue.unshift(...derived);
    state.recent = [...recent];
    writeState(path, state);
  }
  const complete = state.queue.length === 0;
  if (complete) {
    state.finishedAt = now().toISOString();
    writeState(path, state);
  } else {
    log(`stopped after ${requests} requests (--max-requests): ${state.queue.length} listings left, run again to continue`);
  }
  return {platform: source.platform, source: source.source, run: state.run, complete, requests, files, skipped: state.skipped, statePath: path};
}

function remember(recent: Set<string>, name: string): void {
  recent.add(name);
  if (recent.size > recentLimit) recent.delete(recent.values().next().value!);
}

/** A local HTTP server that replays recorded API responses, for `collect` tests: loopback only, random port. */
import {readFileSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {join} from "node:path";
import {afterEach, beforeAll, beforeEach, vi} from "vitest";
import {tempInbox} from "./inbox-files.ts";

type TempInbox = ReturnType<typeof tempInbox>;

export const fixtures = join(import.meta.dirname, "../../fixtures/collect");

export interface Canned {
  status?: number;
  headers?: Record<string, string>;
  /** A fixture under test/fixtures/collect/, served with `{{TOKEN}}` replaced by the test token. */
  file?: string;
  body?: string;
}

/** Answers requests to `path` whose query has every `query` pair; replies in turn, the last one repeating. */
export interface Route {
  path: string;
  query?: Record<string, string>;
  replies: Canned[];
}

export interface Replay {
  base: string;
  /** Every request received: path and query, with credentials as sent. */
  requests: Array<{url: string; headers: Record<string, string | string[] | undefined>}>;
  routes: Route[];
  /** The body a fixture is served with. */
  served(file: string): string;
  close(): Promise<void>;
}

export async function startReplay(routes: Route[], {token = ""} = {}): Promise<Replay> {
  const served = (file: string) => readFileSync(join(fixtures, file), "utf8").replaceAll("{{TOKEN}}", token);
  const used = new Map<Route, number>();
  const replay: Replay = {base: "", requests: [], routes, served, close: () => new Promise((resolve) => server.close(() => resolve()))};
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    replay.requests.push({url: url.pathname + url.search, headers: request.headers});
    const route = replay.routes.find((r) => r.path === url.pathname && Object.entries(r.query ?? {}).every(([k, v]) => url.searchParams.get(k) === v));
    if (!route) {
      response.writeHead(404, {"content-type": "application/json"}).end(JSON.stringify({error: `no route for ${url.pathname}${url.search}`}));
      return;
    }
    const n = used.get(route) ?? 0;
    used.set(route, n + 1);
    const canned = route.replies[Math.min(n, route.replies.length - 1)]!;
    response.writeHead(canned.status ?? 200, {"content-type": "application/json; charset=UTF-8", ...canned.headers});
    response.end(canned.file ? served(canned.file) : canned.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  replay.base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return replay;
}

/** Makes any fetch to a host other than 127.0.0.1 throw: no test may reach the network. */
export function guardLoopback(): void {
  const real = globalThis.fetch;
  vi.stubGlobal("fetch", (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    if (url.hostname !== "127.0.0.1") throw new Error(`test tried to reach ${url.host}`);
    return real(input, init);
  });
}

/** Records the waits instead of sleeping, so rate-limit tests run instantly. */
export function recordingSleep(): {sleep: (ms: number) => Promise<void>; waits: number[]} {
  const waits: number[] = [];
  return {waits, sleep: async (ms) => void waits.push(ms)};
}

/**
 * The per-test setting of a collector test: a fresh inbox before each test, the replay server (started by
 * the test) closed and the inbox removed after it, and no request allowed off loopback.
 */
export function replayAndInbox(): {replay: Replay; inbox: TempInbox} {
  const current = {} as {replay: Replay; inbox: TempInbox};
  beforeAll(() => guardLoopback());
  beforeEach(() => {
    current.inbox = tempInbox();
  });
  afterEach(async () => {
    await current.replay?.close();
    current.inbox.cleanup();
  });
  return current;
}

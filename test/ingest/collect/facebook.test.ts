import {describe, expect, it} from "vitest";
import {facebookSource} from "../../../ingest/collect/facebook.ts";
import {CollectError} from "../../../ingest/collect/http.ts";
import {collect} from "../../../ingest/collect/run.ts";
import {ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";
import {everyFileText, listInbox, readInbox, readStateFile} from "./inbox-files.ts";
import {replayAndInbox, recordingSleep, startReplay, type Route} from "./replay-server.ts";

const token = "EAAGtestTOKEN0123456789abcdefSECRET";
const page = "104000000000001";
const post = "104000000000001_900000000000002";
const feedPath = `/v23.0/${page}/feed`;
const commentsPath = `/v23.0/${post}/comments`;

function routes(): Route[] {
  return [
    {path: feedPath, query: {after: "QVFIUkZFRUQy"}, replies: [{file: "facebook/feed-2.json"}]},
    {path: feedPath, replies: [{file: "facebook/feed-1.json"}]},
    {path: commentsPath, query: {after: "MwZDZD"}, replies: [{file: "facebook/comments-2.json"}]},
    {path: commentsPath, replies: [{file: "facebook/comments-1.json"}]}
  ];
}

const harness = replayAndInbox();
const timing = {attempts: 4, baseMs: 1, maxMs: 5};


const source = () => facebookSource({page, env: {ASCOLTO_META_TOKEN: token, ASCOLTO_META_BASE_URL: `${harness.replay.base}/v23.0`}});
const paths = () => harness.replay.requests.map((r) => r.url.replace(/\?.*/, "") + (new URL(r.url, harness.replay.base).searchParams.get("after") ? `@${new URL(r.url, harness.replay.base).searchParams.get("after")}` : ""));

describe("collect facebook", () => {
  it("pages the feed, fetches the cut comment stream first, and writes each page unchanged but for the token", async () => {
    harness.replay = await startReplay(routes(), {token});
    const report = await collect(source(), {inbox: harness.inbox.dir, now: () => new Date("2025-03-02T10:00:00Z"), ...timing});
    expect(report).toMatchObject({complete: true, requests: 4, skipped: 0});
    expect(paths()).toEqual([feedPath, commentsPath, `${commentsPath}@MwZDZD`, `${feedPath}@QVFIUkZFRUQy`]);
    expect(harness.replay.requests.every((r) => new URL(r.url, harness.replay.base).searchParams.get("access_token") === token)).toBe(true);
    expect(new URL(harness.replay.requests[1]!.url, harness.replay.base).searchParams.get("filter")).toBe("stream");
    expect(listInbox(harness.inbox.dir)).toEqual([
      `facebook-comments-${post}-20250302T100000Z-p0001.json`,
      `facebook-comments-${post}-20250302T100000Z-p0002.json`,
      `facebook-feed-${page}-20250302T100000Z-p0001.json`,
      `facebook-feed-${page}-20250302T100000Z-p0002.json`
    ]);
    const redacted = (file: string) => harness.replay.served(file).replaceAll(token, "REDACTED");
    expect(readInbox(harness.inbox.dir, `facebook-feed-${page}-20250302T100000Z-p0001.json`)).toBe(redacted("facebook/feed-1.json"));
    expect(readInbox(harness.inbox.dir, `facebook-comments-${post}-20250302T100000Z-p0002.json`)).toBe(redacted("facebook/comments-2.json"));
    expect(harness.replay.served("facebook/feed-1.json")).toContain(token);
    for (const text of everyFileText(harness.inbox.dir)) expect(text).not.toContain(token);
    expect(readStateFile(harness.inbox.dir)).toMatchObject({platform: "facebook", source: page, queue: [], pages: 4, finishedAt: "2025-03-02T10:00:00.000Z"});
  });

  it("ingests what it collected: posts, comments and replies under the Page", async () => {
    harness.replay = await startReplay(routes(), {token});
    await collect(source(), {inbox: harness.inbox.dir, ...timing});
    const warehouse = tempWarehouse();
    try {
      const results = await ingestInto(warehouse.path, [harness.inbox.dir]);
      expect(results.map((r) => [r.status, r.format])).toEqual(Array(4).fill(["loaded", "facebook-graph"]));
      const kinds = await query(warehouse.path, "select kind, count(*)::int as n, count(distinct account_id)::int as accounts, min(account_id) as account from items group by kind order by kind");
      expect(kinds).toEqual([
        {kind: "comment", n: 4, accounts: 1, account: page},
        {kind: "post", n: 3, accounts: 1, account: page},
        {kind: "reply", n: 2, accounts: 1, account: page}
      ]);
      const reply = await query(warehouse.path, "select parent_id, root_id from items where item_id = '900000000000002_3000005'");
      expect(reply).toEqual([{parent_id: "900000000000002_3000004", root_id: post}]);
    } finally {
      warehouse.cleanup();
    }
  });

  it("stops on an expired token with a clear message, and the next run resumes at the failed page", async () => {
    const broken = routes();
    broken[2] = {path: commentsPath, query: {after: "MwZDZD"}, replies: [{status: 400, file: "facebook/error-190.json"}]};
    harness.replay = await startReplay(broken, {token});
    const first = collect(source(), {inbox: harness.inbox.dir, now: () => new Date("2025-03-02T10:00:00Z"), ...timing});
    await expect(first).rejects.toThrow(CollectError);
    await expect(first).rejects.toMatchObject({reason: "auth", message: expect.stringMatching(/Graph API error 190\/463.*ASCOLTO_META_TOKEN/)});
    await first.catch((error) => expect(error.message).not.toContain(token));
    expect(harness.replay.requests).toHaveLength(3);
    const state = readStateFile(harness.inbox.dir);
    expect(state.queue.map((u: any) => [u.name, u.page])).toEqual([[`facebook-comments-${post}`, 2], [`facebook-feed-${page}`, 2]]);
    expect(JSON.stringify(state)).not.toContain("access_token");

    harness.replay.routes[2] = routes()[2]!;
    harness.replay.requests.length = 0;
    const second = await collect(source(), {inbox: harness.inbox.dir, now: () => new Date("2025-03-03T10:00:00Z"), ...timing});
    expect(second.complete).toBe(true);
    expect(paths()).toEqual([`${commentsPath}@MwZDZD`, `${feedPath}@QVFIUkZFRUQy`]);
    // the resumed run keeps its stamp: one run, four pages, no page written twice
    expect(listInbox(harness.inbox.dir).filter((n) => n.includes("20250302T100000Z"))).toHaveLength(4);
    for (const text of everyFileText(harness.inbox.dir)) expect(text).not.toContain(token);
  });

  it("waits on Meta rate limits (code 4, HTTP 429 Retry-After, high x-app-usage) and retries a 5xx once", async () => {
    const limited = routes();
    limited[1] = {path: feedPath, replies: [
      {status: 403, file: "facebook/error-4.json"},
      {status: 429, headers: {"retry-after": "1"}, body: ""},
      {status: 502, body: "<html>Bad Gateway</html>"},
      {file: "facebook/feed-1.json", headers: {"x-app-usage": JSON.stringify({call_count: 95, total_cputime: 10, total_time: 12})}}
    ]};
    harness.replay = await startReplay(limited, {token});
    const {sleep, waits} = recordingSleep();
    const report = await collect(source(), {inbox: harness.inbox.dir, sleep, ...timing});
    expect(report.complete).toBe(true);
    expect(paths().slice(0, 5)).toEqual([feedPath, feedPath, feedPath, feedPath, commentsPath]);
    // backoff (≤ 5 ms), Retry-After 1 s, backoff for the 502, then the usage pause before the next call
    expect(waits).toHaveLength(4);
    expect(waits[1]).toBe(1000);
    expect(waits[3]).toBe(60_000);
    expect(listInbox(harness.inbox.dir)).toHaveLength(4);
  });

  it("gives up on a rate limit that outlasts the wait budget, keeping the state for later", async () => {
    const limited = routes();
    limited[1] = {path: feedPath, replies: [{status: 429, headers: {"retry-after": "600"}, body: ""}]};
    harness.replay = await startReplay(limited, {token});
    const {sleep} = recordingSleep();
    await expect(collect(source(), {inbox: harness.inbox.dir, sleep, maxWaitMs: 60_000, ...timing})).rejects.toMatchObject({reason: "rate-limited"});
    expect(readStateFile(harness.inbox.dir).queue).toHaveLength(1);
  });

  it("skips the comments of a post deleted during the run (error 100/33)", async () => {
    const gone = routes();
    gone[3] = {path: commentsPath, replies: [{status: 400, file: "facebook/error-100-33.json"}]};
    harness.replay = await startReplay(gone, {token});
    const report = await collect(source(), {inbox: harness.inbox.dir, ...timing});
    expect(report).toMatchObject({complete: true, skipped: 1});
    expect(listInbox(harness.inbox.dir).filter((n) => n.startsWith("facebook-comments"))).toEqual([]);
  });

  it("gives up after the bounded retries on a server that keeps failing", async () => {
    const down = routes();
    down[1] = {path: feedPath, replies: [{status: 503, body: "unavailable"}]};
    harness.replay = await startReplay(down, {token});
    await expect(collect(source(), {inbox: harness.inbox.dir, ...timing})).rejects.toMatchObject({reason: "failed", message: expect.stringContaining("gave up after 4 attempts")});
    expect(harness.replay.requests).toHaveLength(4);
  });

  it("stops paging the feed past --since and leaves older posts' comments alone", async () => {
    harness.replay = await startReplay(routes(), {token});
    const since = new Date("2025-02-28T00:00:00Z");
    const report = await collect(facebookSource({page, since, env: {ASCOLTO_META_TOKEN: token, ASCOLTO_META_BASE_URL: `${harness.replay.base}/v23.0`}}), {inbox: harness.inbox.dir, ...timing});
    expect(report.complete).toBe(true);
    expect(paths()).toEqual([feedPath, commentsPath, `${commentsPath}@MwZDZD`]);
  });

  it("stops at --max-requests and the next run asks only for the pages not yet fetched", async () => {
    harness.replay = await startReplay(routes(), {token});
    const first = await collect(source(), {inbox: harness.inbox.dir, maxRequests: 2, ...timing});
    expect(first).toMatchObject({complete: false, requests: 2});
    const second = await collect(source(), {inbox: harness.inbox.dir, ...timing});
    expect(second).toMatchObject({complete: true, requests: 2, run: first.run});
    expect(paths()).toEqual([feedPath, commentsPath, `${commentsPath}@MwZDZD`, `${feedPath}@QVFIUkZFRUQy`]);
    expect(listInbox(harness.inbox.dir)).toHaveLength(4);
  });

  it("refuses to start without a token in the environment", () => {
    expect(() => facebookSource({page, env: {}})).toThrow(/set ASCOLTO_META_TOKEN/);
  });
});

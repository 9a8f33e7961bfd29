import {describe, expect, it} from "vitest";
import {collect} from "../../../ingest/collect/run.ts";
import {youtubeSource} from "../../../ingest/collect/youtube.ts";
import {ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";
import {everyFileText, listInbox, readInbox, readStateFile} from "./inbox-files.ts";
import {replayAndInbox, recordingSleep, startReplay, type Route} from "./replay-server.ts";

const key = "AIzaSyTESTkey0123456789abcdefSECRET";
const channel = "UCcomuneEsempio000000001";
const stamp = "20250302T100000Z";

const routes = (): Route[] => [
  {path: "/youtube/v3/channels", query: {id: channel}, replies: [{file: "youtube/channels.json"}]},
  {path: "/youtube/v3/playlistItems", query: {pageToken: "EAAaBlBUOkNBSQ"}, replies: [{file: "youtube/uploads-2.json"}]},
  {path: "/youtube/v3/playlistItems", query: {playlistId: "UUcomuneEsempio000000001"}, replies: [{file: "youtube/uploads-1.json"}]},
  {path: "/youtube/v3/videos", query: {id: "AbCdEfGhIjK,ZyXwVuTs-_P"}, replies: [{file: "youtube/videos-1.json"}]},
  {path: "/youtube/v3/videos", query: {id: "OldVideo123"}, replies: [{file: "youtube/videos-2.json"}]},
  {path: "/youtube/v3/commentThreads", query: {videoId: "AbCdEfGhIjK", pageToken: "QURTSl9pMVNC"}, replies: [{file: "youtube/threads-2.json"}]},
  {path: "/youtube/v3/commentThreads", query: {videoId: "AbCdEfGhIjK"}, replies: [{file: "youtube/threads-1.json"}]},
  {path: "/youtube/v3/commentThreads", query: {videoId: "ZyXwVuTs-_P"}, replies: [{status: 403, file: "youtube/error-comments-disabled.json"}]},
  {path: "/youtube/v3/comments", query: {parentId: "UgxT1aaa"}, replies: [{file: "youtube/replies.json"}]}
];

const harness = replayAndInbox();

const source = () => youtubeSource({channel, env: {ASCOLTO_YOUTUBE_KEY: key, ASCOLTO_YOUTUBE_BASE_URL: `${harness.replay.base}/youtube/v3`}});
const options = () => ({inbox: harness.inbox.dir, now: () => new Date("2025-03-02T10:00:00Z"), baseMs: 1, maxMs: 5});
const calls = () => harness.replay.requests.map(({url}) => {
  const u = new URL(url, harness.replay.base);
  const what = u.searchParams.get("videoId") ?? u.searchParams.get("parentId") ?? u.searchParams.get("id") ?? "";
  return [u.pathname.split("/").pop(), what, u.searchParams.get("pageToken") ? "+page" : ""].filter(Boolean).join(" ");
});

describe("collect youtube", () => {
  it("walks channel → uploads → videos → comment threads → replies past the 5 embedded, skipping disabled comments", async () => {
    harness.replay = await startReplay(routes());
    const report = await collect(source(), options());
    expect(report).toMatchObject({complete: true, requests: 9, skipped: 1});
    expect(calls()).toEqual([
      `channels ${channel}`, "playlistItems", "videos AbCdEfGhIjK,ZyXwVuTs-_P", "commentThreads AbCdEfGhIjK", "comments UgxT1aaa",
      "commentThreads AbCdEfGhIjK +page", "commentThreads ZyXwVuTs-_P", "playlistItems +page", "videos OldVideo123"
    ]);
    // the key travels in a header, never in a URL
    expect(harness.replay.requests.every((r) => r.headers["x-goog-api-key"] === key && !r.url.includes(key))).toBe(true);
    expect(listInbox(harness.inbox.dir)).toEqual([
      `youtube-channel-${channel}-${stamp}-p0001.json`,
      `youtube-replies-UgxT1aaa-${stamp}-p0001.json`,
      `youtube-threads-AbCdEfGhIjK-${stamp}-p0001.json`,
      `youtube-threads-AbCdEfGhIjK-${stamp}-p0002.json`,
      `youtube-uploads-${channel}-${stamp}-p0001.json`,
      `youtube-uploads-${channel}-${stamp}-p0002.json`,
      `youtube-videos-${channel}-b0001-${stamp}-p0001.json`,
      `youtube-videos-${channel}-b0002-${stamp}-p0001.json`
    ]);
    expect(readInbox(harness.inbox.dir, `youtube-threads-AbCdEfGhIjK-${stamp}-p0001.json`)).toBe(harness.replay.served("youtube/threads-1.json"));
    for (const text of everyFileText(harness.inbox.dir)) expect(text).not.toContain(key);
  });

  it("ingests what it collected: three videos, two threads, seven replies", async () => {
    harness.replay = await startReplay(routes());
    await collect(source(), options());
    const warehouse = tempWarehouse();
    try {
      const results = await ingestInto(warehouse.path, [harness.inbox.dir]);
      expect(results.map((r) => [r.status, r.format])).toEqual(Array(8).fill(["loaded", "youtube-api"]));
      expect(await query(warehouse.path, "select kind, count(*)::int as n, min(account_id) as account from items group by kind order by kind")).toEqual([
        {kind: "comment", n: 2, account: channel}, {kind: "post", n: 3, account: channel}, {kind: "reply", n: 7, account: channel}
      ]);
      expect(await query(warehouse.path, "select value::int as views from item_counts where item_id = 'AbCdEfGhIjK' and metric = 'views'")).toEqual([{views: 1532}]);
    } finally {
      warehouse.cleanup();
    }
  });

  it("stops on a spent daily quota (resumable) and the next run asks only for what is left", async () => {
    const spent = routes();
    spent[5] = {...spent[5]!, replies: [{status: 403, file: "youtube/error-quota.json"}]};
    harness.replay = await startReplay(spent);
    await expect(collect(source(), options())).rejects.toMatchObject({reason: "rate-limited", message: expect.stringContaining("quotaExceeded")});
    expect(readStateFile(harness.inbox.dir).queue.map((u: any) => u.name)).toEqual([
      "youtube-threads-AbCdEfGhIjK", "youtube-threads-ZyXwVuTs-_P", `youtube-uploads-${channel}`
    ]);
    harness.replay.routes[5] = routes()[5]!;
    harness.replay.requests.length = 0;
    const report = await collect(source(), options());
    expect(report.complete).toBe(true);
    expect(calls()).toEqual(["commentThreads AbCdEfGhIjK +page", "commentThreads ZyXwVuTs-_P", "playlistItems +page", "videos OldVideo123"]);
    expect(listInbox(harness.inbox.dir)).toHaveLength(8);
  });

  it("waits and retries on rateLimitExceeded", async () => {
    const slow = routes();
    slow[0] = {...slow[0]!, replies: [{status: 403, file: "youtube/error-rate.json"}, {status: 429, headers: {"retry-after": "0"}, body: "{}"}, {file: "youtube/channels.json"}]};
    harness.replay = await startReplay(slow);
    const {sleep, waits} = recordingSleep();
    expect((await collect(source(), {...options(), sleep})).complete).toBe(true);
    expect(waits).toHaveLength(2);
    expect(waits[1]).toBe(0);
  });

  it("stops with an auth error on an invalid key, without printing it", async () => {
    const bad = routes();
    bad[0] = {...bad[0]!, replies: [{status: 400, file: "youtube/error-key-invalid.json"}]};
    harness.replay = await startReplay(bad);
    const run = collect(source(), options());
    await expect(run).rejects.toMatchObject({reason: "auth", message: expect.stringMatching(/API_KEY_INVALID.*ASCOLTO_YOUTUBE_KEY/)});
    await run.catch((error) => expect(error.message).not.toContain(key));
    expect(harness.replay.requests).toHaveLength(1);
  });

  it("refuses to start without a key in the environment", () => {
    expect(() => youtubeSource({channel, env: {}})).toThrow(/set ASCOLTO_YOUTUBE_KEY/);
  });
});

import {describe, expect, it} from "vitest";
import {mastodonSource, nextLink} from "../../../ingest/collect/mastodon.ts";
import {collect} from "../../../ingest/collect/run.ts";
import {ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";
import {listInbox, readInbox, readStateFile} from "./inbox-files.ts";
import {replayAndInbox, recordingSleep, startReplay, type Route} from "./replay-server.ts";

const accountId = "109000000000000001";
const statusesPath = `/api/v1/accounts/${accountId}/statuses`;
const link = (base: string) =>
  `<https://esempio.social${statusesPath}?limit=40&max_id=113000000000000004>; rel="next", <https://esempio.social${statusesPath}?limit=40&min_id=113000000000000005>; rel="prev"`;

function routes(base = ""): Route[] {
  return [
    {path: "/api/v1/accounts/lookup", query: {acct: "comune"}, replies: [{file: "mastodon/account.json"}]},
    {path: statusesPath, query: {max_id: "113000000000000004"}, replies: [
      {status: 429, headers: {"retry-after": "0", "x-ratelimit-remaining": "0"}, body: JSON.stringify({error: "Too many requests"})},
      {file: "mastodon/statuses-2.json", headers: {link: `<https://esempio.social${statusesPath}?limit=40&min_id=113000000000000002>; rel="prev"`}}
    ]},
    {path: statusesPath, replies: [{file: "mastodon/statuses-1.json", headers: {link: link(base)}}]},
    {path: "/api/v1/statuses/113000000000000005/context", replies: [{file: "mastodon/context.json"}]},
    {path: "/api/v1/statuses/113000000000000002/context", replies: [{status: 404, file: "mastodon/error-404.json"}]}
  ];
}

const harness = replayAndInbox();

const source = () => mastodonSource({account: "comune@esempio.social", instance: harness.replay.base});
const stamp = "20250302T100000Z";

describe("collect mastodon", () => {
  it("looks the account up once, pages statuses by the Link header, and reads the context of statuses with replies", async () => {
    harness.replay = await startReplay(routes());
    const {sleep, waits} = recordingSleep();
    const report = await collect(source(), {inbox: harness.inbox.dir, now: () => new Date("2025-03-02T10:00:00Z"), sleep, baseMs: 1});
    expect(report).toMatchObject({complete: true, skipped: 1});
    expect(harness.replay.requests.map((r) => r.url)).toEqual([
      "/api/v1/accounts/lookup?acct=comune",
      `${statusesPath}?limit=40`,
      "/api/v1/statuses/113000000000000005/context",
      `${statusesPath}?limit=40&max_id=113000000000000004`,
      `${statusesPath}?limit=40&max_id=113000000000000004`,
      "/api/v1/statuses/113000000000000002/context"
    ]);
    expect(waits).toEqual([0]);
    expect(listInbox(harness.inbox.dir)).toEqual([
      `mastodon-context-113000000000000005-${stamp}-p0001.json`,
      `mastodon-statuses-comune-esempio.social-${stamp}-p0001.json`,
      `mastodon-statuses-comune-esempio.social-${stamp}-p0002.json`
    ]);
    expect(readInbox(harness.inbox.dir, `mastodon-context-113000000000000005-${stamp}-p0001.json`)).toBe(harness.replay.served("mastodon/context.json"));
    expect(readStateFile(harness.inbox.dir).extra).toEqual({accountId});

    // a later run starts afresh but knows the account: no second lookup
    harness.replay.requests.length = 0;
    const again = await collect(source(), {inbox: harness.inbox.dir, now: () => new Date("2025-03-03T10:00:00Z"), sleep, baseMs: 1});
    expect(again.run).toBe("20250303T100000Z");
    expect(harness.replay.requests[0]!.url).toBe(`${statusesPath}?limit=40`);
    expect(listInbox(harness.inbox.dir)).toHaveLength(6);
  });

  it("ingests what it collected: own posts, a boost, and the replies under the thread's account", async () => {
    harness.replay = await startReplay(routes());
    await collect(source(), {inbox: harness.inbox.dir, sleep: recordingSleep().sleep, baseMs: 1});
    const warehouse = tempWarehouse();
    try {
      const results = await ingestInto(warehouse.path, [harness.inbox.dir]);
      expect(results.map((r) => [r.status, r.format])).toEqual(Array(3).fill(["loaded", "mastodon-api"]));
      expect(await query(warehouse.path, "select kind, count(*)::int as n from items group by kind order by kind")).toEqual([
        {kind: "post", n: 3}, {kind: "reply", n: 2}, {kind: "repost", n: 1}
      ]);
      expect(await query(warehouse.path, "select item_id, account_id, author_id, root_id from items where kind = 'reply' order by item_id")).toEqual([
        {item_id: "113000000000000010", account_id: "comune@esempio.social", author_id: "mario@altro.example", root_id: "113000000000000005"},
        {item_id: "113000000000000011", account_id: "comune@esempio.social", author_id: "comune@esempio.social", root_id: "113000000000000005"}
      ]);
    } finally {
      warehouse.cleanup();
    }
  });

  it("reads the next page from a Link header onto the configured instance", () => {
    expect(nextLink(link(""), "http://127.0.0.1:9")).toBe(`http://127.0.0.1:9${statusesPath}?limit=40&max_id=113000000000000004`);
    expect(nextLink(`<https://esempio.social/x?min_id=1>; rel="prev"`, "http://127.0.0.1:9")).toBeNull();
    expect(nextLink(null, "http://127.0.0.1:9")).toBeNull();
  });

  it("refuses an account that is not user@instance", () => {
    expect(() => mastodonSource({account: "comune"})).toThrow(/not user@instance/);
  });
});

import {describe, expect, it} from "vitest";
import {instagramSource} from "../../../ingest/collect/instagram.ts";
import {collect} from "../../../ingest/collect/run.ts";
import {ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";
import {everyFileText, listInbox, readInbox} from "./inbox-files.ts";
import {replayAndInbox, startReplay, type Route} from "./replay-server.ts";

const token = "IGQVJtestTOKEN9876543210SECRET";
const user = "17841400000000001";
const mediaPath = `/v23.0/${user}/media`;
const commentsPath = "/v23.0/17900000000000002/comments";

const routes = (): Route[] => [
  {path: mediaPath, query: {after: "QVFIUm1lZGlhMg"}, replies: [{file: "instagram/media-2.json"}]},
  {path: mediaPath, replies: [{file: "instagram/media-1.json"}]},
  {path: commentsPath, replies: [{file: "instagram/comments-1.json"}]}
];

const harness = replayAndInbox();

const source = () => instagramSource({user, env: {ASCOLTO_META_TOKEN: token, ASCOLTO_META_BASE_URL: `${harness.replay.base}/v23.0`}});

describe("collect instagram", () => {
  it("pages the media, fetches the comments of media whose embedded comments are cut, and never writes the token", async () => {
    harness.replay = await startReplay(routes(), {token});
    const report = await collect(source(), {inbox: harness.inbox.dir, now: () => new Date("2025-03-02T10:00:00Z"), baseMs: 1});
    expect(report).toMatchObject({complete: true, requests: 3});
    expect(harness.replay.requests.map((r) => r.url.replace(/\?.*/, ""))).toEqual([mediaPath, commentsPath, mediaPath]);
    const fields = new URL(harness.replay.requests[0]!.url, harness.replay.base).searchParams.get("fields");
    expect(fields).toContain("id,caption,timestamp,media_type,permalink,username,like_count,comments_count");
    expect(listInbox(harness.inbox.dir)).toEqual([
      "instagram-comments-17900000000000002-20250302T100000Z-p0001.json",
      `instagram-media-${user}-20250302T100000Z-p0001.json`,
      `instagram-media-${user}-20250302T100000Z-p0002.json`
    ]);
    expect(readInbox(harness.inbox.dir, "instagram-comments-17900000000000002-20250302T100000Z-p0001.json")).toBe(harness.replay.served("instagram/comments-1.json"));
    for (const text of everyFileText(harness.inbox.dir)) expect(text).not.toContain(token);
  });

  it("ingests what it collected, the comments file placed under its media by its name", async () => {
    harness.replay = await startReplay(routes(), {token});
    await collect(source(), {inbox: harness.inbox.dir, baseMs: 1});
    const warehouse = tempWarehouse();
    try {
      const results = await ingestInto(warehouse.path, [harness.inbox.dir]);
      expect(results.map((r) => [r.status, r.format])).toEqual(Array(3).fill(["loaded", "instagram-graph"]));
      expect(await query(warehouse.path, "select kind, count(*)::int as n from items group by kind order by kind")).toEqual([
        {kind: "comment", n: 4}, {kind: "post", n: 3}, {kind: "reply", n: 1}
      ]);
      expect(await query(warehouse.path, "select item_id, root_id from items where item_id in ('17850000000000001', '17850000000000005') order by item_id")).toEqual([
        {item_id: "17850000000000001", root_id: "17900000000000002"},
        {item_id: "17850000000000005", root_id: "17900000000000002"}
      ]);
      // embedded comments hang under the account the media list was read from
      expect(await query(warehouse.path, "select account_id from items where item_id = '17850000000000001'")).toEqual([{account_id: user}]);
    } finally {
      warehouse.cleanup();
    }
  });
});

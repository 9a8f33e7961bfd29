import {afterAll, describe, expect, it} from "vitest";
import {locateSections, tiktokDyiParser} from "../../../ingest/parsers/tiktok-dyi.ts";
import {expandPaths} from "../../../ingest/source-file.ts";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";

const fixtures = "test/fixtures/tiktok";
const withoutRaw = <T extends {raw: string}>({raw: _raw, ...row}: T) => row;

describe("tiktok-dyi: user_data_tiktok.json", async () => {
  const rows = await collectRows(`${fixtures}/user_data_tiktok.json`);

  it("is detected from its top-level keys and TikTok leaf lists", () => expect(rows.parser).toBe("tiktok-dyi"));

  it("maps the Post VideoList: id from the video URL (first of several), likes as text, N/A as null, UTC times", () => {
    expect(rows.items.filter((i) => i.kind === "post").map(withoutRaw)).toEqual([
      {
        platform: "tiktok", item_id: "7499000000000000001", account_id: "comune.esempio", author_id: "comune.esempio",
        created_at: "2025-05-01T10:00:00.000Z", kind: "post", parent_id: null, root_id: "7499000000000000001",
        text: "Festa del patrono 🎉 #Esempio #Estate2025", lang_hint: null,
        url: "https://www.tiktokv.com/share/video/7499000000000000001/", hashtags: ["esempio", "estate2025"], mentions: [], media_count: 1
      },
      {
        platform: "tiktok", item_id: "7488000000000000002", account_id: "comune.esempio", author_id: "comune.esempio",
        created_at: "2025-03-30T01:30:00.000Z", kind: "post", parent_id: null, root_id: "7488000000000000002",
        text: null, lang_hint: null, url: "https://www.tiktokv.com/share/video/7488000000000000002/", hashtags: [], mentions: [], media_count: 1
      },
      {
        platform: "tiktok", item_id: "ttdyi:e65aafd79bfbe2d77b1bfadc", account_id: "comune.esempio", author_id: "comune.esempio",
        created_at: "2025-02-14T18:00:00.000Z", kind: "post", parent_id: null, root_id: "ttdyi:e65aafd79bfbe2d77b1bfadc",
        text: "Video senza link", lang_hint: null, url: null, hashtags: [], mentions: [], media_count: 1
      }
    ]);
    expect(rows.counts.map((c) => [c.item_id, c.metric, c.metric_source, c.value])).toEqual([
      ["7499000000000000001", "likes", "Likes", 41], ["7488000000000000002", "likes", "Likes", 0]
    ]);
  });

  it("maps the account's own comments without a target, or under the video their URL names", () => {
    expect(rows.items.filter((i) => i.kind === "comment").map((i) => [i.item_id.slice(0, 6), i.author_id, i.account_id, i.parent_id, i.root_id, i.created_at, i.text, i.mentions])).toEqual([
      ["ttdyi:", "comune.esempio", null, null, null, "2025-04-02T21:15:07.000Z", "Che bello! 😍 #Esempio", []],
      ["ttdyi:", "comune.esempio", null, "7480000000000000042", "7480000000000000042", "2025-04-03T08:00:00.000Z", "Grazie @prolocoesempio, \"ci vediamo\" in piazza", ["prolocoesempio"]]
    ]);
  });

  it("takes the owner from ProfileMap, followers from followerCount", () => {
    expect(rows.accounts).toEqual([{platform: "tiktok", account_id: "comune.esempio", handle: "comune.esempio", display_name: null, followers: 1523}]);
  });

  it("skips and counts direct messages, the watch history and other sections", () => {
    expect(rows.skipped).toEqual({
      "direct message (private, not loaded)": 2,
      "watch history (other accounts' videos)": 2,
      "other activity, settings and shop records (not loaded)": 2
    });
  });

  it("gives comments and link-less videos the same synthetic id on every export", async () => {
    const again = await collectRows(`${fixtures}/user_data_tiktok.json`);
    expect(again.items.map((i) => i.item_id)).toEqual(rows.items.map((i) => i.item_id));
  });
});

describe("tiktok-dyi: older user_data.json", async () => {
  const rows = await collectRows(`${fixtures}/user_data.json`);

  it("finds Video.Videos.VideoList with VideoLink/LikeCount, and not the browsing history", () => {
    expect(rows.items.map((i) => [i.item_id, i.kind, i.account_id, i.created_at])).toEqual([
      ["6960000000000000003", "post", "ComuneVecchio", "2021-05-20T16:45:00.000Z"],
      [rows.items[1]!.item_id, "comment", null, "2021-06-02T11:00:00.000Z"]
    ]);
    expect(rows.items[1]!.text).toBe("Bravi!");
    expect(rows.counts.map((c) => [c.metric_source, c.value])).toEqual([["LikeCount", 7]]);
  });

  it("counts FansList as followers when the profile has no followerCount", () => {
    expect(rows.accounts).toEqual([{platform: "tiktok", account_id: "ComuneVecchio", handle: "comunevecchio", display_name: null, followers: 3}]);
    expect(rows.skipped).toEqual({"watch history (other accounts' videos)": 1});
  });
});

describe("tiktok-dyi: sections and zone", () => {
  it("tells the account's VideoList from the watch history's by its parent key", () => {
    const found = locateSections({
      Activity: {"Video Browsing History": {VideoList: [{}, {}]}},
      Video: {Videos: {VideoList: [{}]}}
    });
    expect([found.videos?.section, found.videos?.list.length, found.skipped]).toEqual([
      "Video.Videos.VideoList", 1, {"watch history (other accounts' videos)": 2}
    ]);
  });

  it("reads times in another zone when told to", async () => {
    const {files, close} = await expandPaths([`${fixtures}/user_data_tiktok.json`]);
    const items = [];
    for await (const batch of tiktokDyiParser({zone: "Europe/Rome"}).parse(files[0]!, {zone: "UTC"})) items.push(...(batch.items ?? []));
    close();
    expect(items[0]!.created_at).toBe("2025-05-01T08:00:00.000Z");
  });
});

describe("tiktok-dyi: errors", () => {
  it("rejects an unreadable date naming the file, record and section", async () => {
    await expect(collectRows(`${fixtures}/bad-date.json`)).rejects.toThrow(
      `${fixtures}/bad-date.json, record 2, field Post.Posts.VideoList.Date: unrecognised date "01/05/2025 10:00"`);
  });
});

describe("tiktok-dyi: into the warehouse", async () => {
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());
  const results = await ingestInto(warehouse.path, [`${fixtures}/user_data_tiktok.json`, `${fixtures}/bad-date.json`]);

  it("loads videos, comments and the owner, and rolls the bad file back", async () => {
    expect(results.map((r) => [r.status, r.skipped])).toEqual([
      ["loaded", {"direct message (private, not loaded)": 2, "watch history (other accounts' videos)": 2, "other activity, settings and shop records (not loaded)": 2}],
      ["rejected", {}]
    ]);
    expect(await query(warehouse.path, "select kind, count(*)::integer as n from items group by kind order by kind")).toEqual([
      {kind: "comment", n: 2}, {kind: "post", n: 3}
    ]);
    expect(await query(warehouse.path, "select account_id, followers::integer as followers from accounts")).toEqual([
      {account_id: "comune.esempio", followers: 1523}
    ]);
  });
});

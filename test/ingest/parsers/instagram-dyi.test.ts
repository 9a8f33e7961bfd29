import {createHash} from "node:crypto";
import {afterAll, describe, expect, it} from "vitest";
import {instagramDyi} from "../../../ingest/parsers/instagram-dyi.ts";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";

const fixtures = new URL("../../fixtures/instagram/", import.meta.url).pathname;
const dyi2024 = `${fixtures}dyi-2024`;
const owner = {platform: "instagram", account_id: "comune_cittabella", handle: "comune_cittabella", display_name: "Comune di Città Bella"};

function expectedId(parts: unknown[]): string {
  return `igdyi:${createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32)}`;
}

describe("instagram DYI posts", async () => {
  const rows = await collectRows(dyi2024, {only: "posts_1.json"});

  it("reads both shapes: carousel (caption on top) and single media (caption in media[0])", () => {
    expect(rows.parser).toBe("instagram-dyi");
    expect(rows.items.map(({raw, ...row}) => row)).toEqual([
      {
        platform: "instagram", item_id: expectedId([1710000000, "Festa di quartiere 🎉 #Festa @pro_loco", "17900000000000001.jpg"]),
        kind: "post", account_id: "comune_cittabella", author_id: "comune_cittabella", created_at: "2024-03-09T16:00:00.000Z",
        text: "Festa di quartiere 🎉 #Festa @pro_loco", lang_hint: null, parent_id: null,
        root_id: expectedId([1710000000, "Festa di quartiere 🎉 #Festa @pro_loco", "17900000000000001.jpg"]),
        url: null, hashtags: ["festa"], mentions: ["pro_loco"], media_count: 2
      },
      {
        platform: "instagram", item_id: expectedId([1710100000, "Perché votare? La Città al voto 🗳️ #elezioni", "17900000000000002.jpg"]),
        kind: "post", account_id: "comune_cittabella", author_id: "comune_cittabella", created_at: "2024-03-10T19:46:40.000Z",
        text: "Perché votare? La Città al voto 🗳️ #elezioni", lang_hint: null, parent_id: null,
        root_id: expectedId([1710100000, "Perché votare? La Città al voto 🗳️ #elezioni", "17900000000000002.jpg"]),
        url: null, hashtags: ["elezioni"], mentions: [], media_count: 1
      },
      {
        platform: "instagram", item_id: expectedId([1712000000, null, "17900000000000004.mp4"]),
        kind: "post", account_id: "comune_cittabella", author_id: "comune_cittabella", created_at: "2024-04-01T19:33:20.000Z",
        text: null, lang_hint: null, parent_id: null, root_id: expectedId([1712000000, null, "17900000000000004.mp4"]),
        url: null, hashtags: [], mentions: [], media_count: 1
      }
    ]);
    expect(rows.skipped).toEqual({"exact duplicate of an earlier record in the file": 1});
  });

  it("takes the owner from personal_information.json", () => {
    expect(rows.accounts).toEqual([{...owner, followers: null}]);
    expect(rows.authors).toEqual([{platform: "instagram", author_id: "comune_cittabella", handle: "comune_cittabella", name: "Comune di Città Bella", followers: null}]);
  });
});

describe("instagram DYI comments", async () => {
  it("maps string_map_data comments to the media owner's channel", async () => {
    const rows = await collectRows(dyi2024, {only: "post_comments_1.json"});
    expect(rows.items.map(({raw, ...row}) => row)).toEqual([
      {
        platform: "instagram", item_id: expectedId(["comment", 1710200000, "Grazie a tutti! 👍", "pro_loco_cittabella"]), kind: "comment",
        account_id: "pro_loco_cittabella", author_id: "comune_cittabella", created_at: "2024-03-11T23:33:20.000Z",
        text: "Grazie a tutti! 👍", lang_hint: null, parent_id: null, root_id: null, url: null, hashtags: [], mentions: [], media_count: null
      },
      {
        platform: "instagram", item_id: expectedId(["comment", 1710300000, "Vi aspettiamo in città", "comune_cittabella"]), kind: "comment",
        account_id: "comune_cittabella", author_id: "comune_cittabella", created_at: "2024-03-13T03:20:00.000Z",
        text: "Vi aspettiamo in città", lang_hint: null, parent_id: null, root_id: null, url: null, hashtags: [], mentions: [], media_count: null
      }
    ]);
    expect(rows.skipped).toEqual({"exact duplicate of an earlier record in the file": 1});
    // the owner keeps its display name although its own media owner row has none
    expect(rows.accounts).toEqual([
      {...owner, followers: null},
      {platform: "instagram", account_id: "pro_loco_cittabella", handle: "pro_loco_cittabella", display_name: null, followers: null}
    ]);
  });

  it("reads the wrapped reels and older media comments lists", async () => {
    const reels = await collectRows(dyi2024, {only: "reels_comments.json"});
    expect(reels.items).toMatchObject([{account_id: "turismo_regione", author_id: "comune_cittabella", text: "Bellissimo"}]);
    const older = await collectRows(`${fixtures}dyi-2022`, {only: "post_comments.json"});
    expect(older.items).toMatchObject([{account_id: "pro_loco_cittabella", author_id: null, text: "Che bello 😍", created_at: "2022-04-15T05:20:00.000Z"}]);
  });
});

describe("instagram DYI followers", () => {
  it("counts every followers part as the owner's followers", async () => {
    for (const part of ["followers_1.json", "followers_2.json"]) {
      const rows = await collectRows(dyi2024, {only: part});
      expect(rows.items).toEqual([]);
      expect(rows.accounts).toEqual([{...owner, followers: 5}]);
    }
  });

  it("counts a part given alone for itself", async () => {
    const rows = await collectRows(`${dyi2024}/connections/followers_and_following/followers_2.json`);
    expect(rows.skipped).toEqual({"followers without an owner (no personal_information.json)": 2});
  });

  it("counts a wrapped list without an owner under a named rule", async () => {
    const rows = await collectRows(`${fixtures}dyi-2022`, {only: "followers.json"});
    expect(rows.accounts).toEqual([]);
    expect(rows.skipped).toEqual({"followers without an owner (no personal_information.json)": 2});
  });
});

describe("instagram DYI errors", () => {
  it("rejects a comment whose string_map_data has no Time, naming its keys", async () => {
    const path = `${fixtures}errors/post_comments_1.json`;
    await expect(collectRows(path)).rejects.toThrow(
      `${path}, record 2, field string_map_data: comment without a Time entry (keys Comment, Media Owner, Ora)`);
  });
});

describe("instagram DYI detection", () => {
  const probe = (head: string, name = "x.json") => instagramDyi.detect({name, head});

  it("claims posts, comments and followers", () => {
    expect(probe('[{"media": [{"uri": "media/posts/a.jpg", "creation_timestamp": 1, "title": ""}]}]', "posts_1.json")).toBe(true);
    expect(probe('[{"string_map_data": {"Comment": {"value": "x"}, "Media Owner": {"value": "y"}, "Time": {"timestamp": 1}}}]')).toBe(true);
    expect(probe('[{"title": "", "string_list_data": [{"href": "h", "value": "v", "timestamp": 1}]}]', "a/followers_1.json")).toBe(true);
  });

  it("leaves following, likes and other platforms alone", () => {
    expect(probe('{"relationships_following": [{"string_list_data": [{"value": "v"}]}]}', "a/following.json")).toBe(false);
    expect(probe('{"likes_media_likes": [{"title": "x", "string_list_data": [{"value": "v"}]}]}', "liked_posts.json")).toBe(false);
    expect(probe('{"data": [{"id": "1", "text": "hi", "created_at": "2024-01-01T00:00:00.000Z", "author_id": "2"}]}')).toBe(false);
    expect(probe('[{"timestamp": 1700000000, "data": [{"post": "x"}]}]')).toBe(false);
  });
});

describe("instagram DYI in a warehouse", async () => {
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());
  const results = await ingestInto(warehouse.path, [dyi2024]);

  it("loads posts, comments and followers, and ignores following and personal information", () => {
    const status = Object.fromEntries(results.map((r) => [r.path.slice(dyi2024.length + 1), r.status]));
    expect(status).toEqual({
      "connections/followers_and_following/followers_1.json": "loaded",
      "connections/followers_and_following/followers_2.json": "loaded",
      "connections/followers_and_following/following.json": "ignored",
      "personal_information/personal_information/personal_information.json": "ignored",
      "your_instagram_activity/comments/post_comments_1.json": "loaded",
      "your_instagram_activity/comments/reels_comments.json": "loaded",
      "your_instagram_activity/content/posts_1.json": "loaded"
    });
  });

  it("stores the owner once, with its followers and name", async () => {
    expect(await query(warehouse.path, "select account_id, display_name, followers::integer as followers from accounts order by account_id")).toEqual([
      {account_id: "comune_cittabella", display_name: "Comune di Città Bella", followers: 5},
      {account_id: "pro_loco_cittabella", display_name: null, followers: null},
      {account_id: "turismo_regione", display_name: null, followers: null}
    ]);
    expect(await query(warehouse.path, "select kind, count(*)::integer as n from items group by kind order by kind")).toEqual([
      {kind: "comment", n: 3}, {kind: "post", n: 3}
    ]);
  });
});

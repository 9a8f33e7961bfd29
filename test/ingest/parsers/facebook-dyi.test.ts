import {createHash} from "node:crypto";
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {facebookDyi, mapFacebookDyiPost} from "../../../ingest/parsers/facebook-dyi.ts";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";

const fixtures = new URL("../../fixtures/facebook/", import.meta.url).pathname;
const dyi2024 = `${fixtures}dyi-2024`;
const owner = "Comune di Città Bella";

// the id recipe: sha256 of [timestamp, text, first link or media file name], 32 hex digits
function expectedId(parts: unknown[]): string {
  return `fbdyi:${createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32)}`;
}

const withoutRaw = (rows: Array<{raw: string}>) => rows.map(({raw, ...row}) => row);

describe("facebook DYI posts", async () => {
  const rows = await collectRows(dyi2024, {only: "your_posts__check_ins__photos_and_videos_1.json"});

  it("is detected and owned by the profile beside it", () => {
    expect(rows.parser).toBe("facebook-dyi");
    expect(rows.accounts).toEqual([{platform: "facebook", account_id: owner, handle: "comune.cittabella", display_name: owner, followers: null}]);
    expect(rows.authors).toEqual([{platform: "facebook", author_id: owner, handle: "comune.cittabella", name: owner, followers: null}]);
  });

  it("repairs mojibake: accents, emoji, and keeps genuine Latin-1", () => {
    expect(rows.items.map((row) => row.text)).toEqual([
      "Città pulita! Grazie a tutti 👍 #Ambiente @ProLoco",
      null,
      "Il caffè è pronto",
      'Avviso: "strada chiusa"\nvia Roma, perché ci sono i lavori.'
    ]);
  });

  it("maps each post with a synthetic id, Unix seconds in UTC, tags and media", () => {
    const [link, photo, latin1, album] = rows.items;
    const linkId = expectedId([1700000000, "Città pulita! Grazie a tutti 👍 #Ambiente @ProLoco", "https://www.example.org/ambiente"]);
    expect(link).toMatchObject({
      platform: "facebook", item_id: linkId, kind: "post", account_id: owner, author_id: owner,
      created_at: "2023-11-14T22:13:20.000Z", parent_id: null, root_id: linkId, url: null,
      hashtags: ["ambiente"], mentions: ["proloco"], media_count: 0
    });
    expect(photo).toMatchObject({item_id: expectedId([1700100000, null, "401_402_n_403.jpg"]), created_at: "2023-11-16T02:00:00.000Z", media_count: 1});
    expect(latin1!.created_at).toBe("2023-11-03T08:26:40.000Z");
    expect(album!.media_count).toBe(2);
    expect(JSON.parse(link!.raw).data[0].post).toBe("Citt\u00c3\u00a0 pulita! Grazie a tutti \u00f0\u009f\u0091\u008d #Ambiente @ProLoco");
  });

  it("counts the exact duplicate and the empty status change by named rules", () => {
    expect(rows.skipped).toEqual({"exact duplicate of an earlier record in the file": 1, "activity without text or attachment": 1});
  });

  it("gives the same post the same id in a download of another era", () => {
    const later = {
      timestamp: 1700100000, data: [],
      attachments: [{data: [{media: {uri: "posts/media/Mobileuploads_AbCd/401_402_n_403.jpg"}}]}]
    };
    expect(mapFacebookDyiPost(later, {owner: null}).items![0]!.item_id).toBe(rows.items[1]!.item_id);
  });

  it("matches the golden rows", async () => {
    await expect(JSON.stringify(withoutRaw(rows.items), null, 2)).toMatchFileSnapshot("__snapshots__/facebook-dyi.posts.json");
  });
});

describe("facebook DYI comments", async () => {
  const rows = await collectRows(dyi2024, {only: "comments_and_reactions/comments.json"});

  it("maps comments_v2 to comments with unknown channel and parent", () => {
    expect(rows.parser).toBe("facebook-dyi");
    expect(withoutRaw(rows.items)).toEqual([
      {
        platform: "facebook", item_id: expectedId(["comment", 1700400000, "Grazie, perché è importante!", null]), kind: "comment",
        account_id: null, author_id: owner, created_at: "2023-11-19T13:20:00.000Z", text: "Grazie, perché è importante!",
        lang_hint: null, parent_id: null, root_id: null, url: null, hashtags: [], mentions: [], media_count: 0
      },
      {
        platform: "facebook", item_id: expectedId(["comment", 1700500000, null, "851_369_n.png"]), kind: "comment",
        account_id: null, author_id: owner, created_at: "2023-11-20T17:06:40.000Z", text: null,
        lang_hint: null, parent_id: null, root_id: null, url: null, hashtags: [], mentions: [], media_count: 1
      },
      {
        platform: "facebook", item_id: expectedId(["comment", 1700600000, "👍", null]), kind: "comment",
        account_id: null, author_id: owner, created_at: "2023-11-21T20:53:20.000Z", text: "👍",
        lang_hint: null, parent_id: null, root_id: null, url: null, hashtags: [], mentions: [], media_count: 0
      }
    ]);
    expect(rows.skipped).toEqual({"exact duplicate of an earlier record in the file": 1, "comment without text or attachment": 1});
  });
});

describe("facebook DYI before 2022, without profile information", async () => {
  it("takes the owner of comments from their author field (older `comments` key)", async () => {
    const rows = await collectRows(`${fixtures}dyi-2020`, {only: "comments.json"});
    expect(rows.items).toMatchObject([{kind: "comment", author_id: owner, account_id: null, text: "Ci vediamo in piazza", created_at: "2020-01-27T04:40:00.000Z"}]);
    expect(rows.authors).toEqual([{platform: "facebook", author_id: owner, handle: null, name: owner, followers: null}]);
    expect(rows.accounts).toEqual([]);
  });

  it("leaves posts without an owner", async () => {
    const rows = await collectRows(`${fixtures}dyi-2020`, {only: "your_posts_1.json"});
    expect(rows.items).toMatchObject([{kind: "post", account_id: null, author_id: null, text: "Buon anno dalla Città! 🎉"}]);
  });
});

describe("facebook DYI errors", () => {
  it("rejects a record whose time is not Unix seconds, naming file, record and field", async () => {
    const path = `${fixtures}errors/your_posts_1.json`;
    await expect(collectRows(path)).rejects.toThrow(`${path}, record 2, field timestamp: timestamp "yesterday" is not a Unix time`);
  });
});

describe("facebook DYI detection", () => {
  const probe = (head: string, name = "x.json") => facebookDyi.detect({name, head});

  it("claims posts arrays and comments objects", () => {
    expect(probe('[{"timestamp": 1700000000, "data": [{"post": "x"}]}]')).toBe(true);
    expect(probe('[{"timestamp": 1700000000, "attachments": [], "data": []}]')).toBe(true);
    expect(probe('{"comments_v2": [{"timestamp": 1}]}')).toBe(true);
    expect(probe('{"comments": [{"timestamp": 1, "data": []}]}')).toBe(true);
  });

  it("leaves reactions, other platforms and Graph files alone", () => {
    expect(probe('[{"timestamp": 1700800000, "data": [{"reaction": {"reaction": "LIKE", "actor": "x"}}], "title": "x"}]')).toBe(false);
    expect(probe('{"name": "chat", "type": "public_supergroup", "id": 1, "messages": [{"id": 1, "type": "message", "date": "2024-01-01T10:00:00"}]}')).toBe(false);
    expect(probe('{"kind": "youtube#commentThreadListResponse", "items": []}')).toBe(false);
    expect(probe('window.YTD.tweets.part0 = [{"tweet": {"id_str": "1"}}]')).toBe(false);
    expect(probe('{"data": [{"id": "1_2", "created_time": "2024-03-01T10:15:00+0000", "comments": {"data": []}}]}')).toBe(false);
  });
});

describe("facebook DYI in a warehouse", async () => {
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());
  const results = await ingestInto(warehouse.path, [dyi2024]);

  it("loads posts and comments and ignores the files it does not read", () => {
    const status = Object.fromEntries(results.map((r) => [r.path.slice(dyi2024.length + 1), [r.status, r.format]]));
    expect(status).toEqual({
      "personal_information/profile_information/profile_information.json": ["ignored", null],
      "your_facebook_activity/comments_and_reactions/comments.json": ["loaded", "facebook-dyi"],
      "your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json": ["ignored", null],
      "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json": ["loaded", "facebook-dyi"]
    });
  });

  it("stores the rows, the owner once, and no duplicate", async () => {
    expect(await query(warehouse.path, "select kind, count(*)::integer as n from items group by kind order by kind")).toEqual([
      {kind: "comment", n: 3}, {kind: "post", n: 4}
    ]);
    expect(await query(warehouse.path, "select account_id, handle, display_name from accounts")).toEqual([
      {account_id: owner, handle: "comune.cittabella", display_name: owner}
    ]);
    expect(await query(warehouse.path, "select text from items where text like 'Citt%'")).toEqual([{text: "Città pulita! Grazie a tutti 👍 #Ambiente @ProLoco"}]);
  });

  it("upserts the same posts from another download instead of duplicating them", async () => {
    const source = `${dyi2024}/your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json`;
    const copy = join(warehouse.dir, "your_posts_1.json");
    writeFileSync(copy, JSON.stringify(JSON.parse(readFileSync(source, "utf8"))));
    const again = await ingestInto(warehouse.path, [source, copy]);
    expect(again.map((r) => r.status)).toEqual(["duplicate", "loaded"]);
    expect(await query(warehouse.path, "select count(*)::integer as n, count(account_id)::integer as owned from items where kind = 'post'")).toEqual([{n: 4, owned: 4}]);
  });
});

import {afterAll, describe, expect, it} from "vitest";
import {mapYoutubeItem} from "../../../ingest/parsers/youtube-api.ts";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";

const fixtures = "test/fixtures/youtube";
const withoutRaw = <T extends {raw: string}>({raw: _raw, ...row}: T) => row;
const state = () => ({seen: new Set<string>()});

describe("youtube-api: videos.list", async () => {
  const rows = await collectRows(`${fixtures}/videos.json`);

  it("is detected from the response kind", () => expect(rows.parser).toBe("youtube-api"));

  it("maps videos as the channel's posts, title and description as text", () => {
    expect(withoutRaw(rows.items[0]!)).toEqual({
      platform: "youtube", item_id: "AbCdEfGhIjK", account_id: "UCcomuneEsempio000000001", author_id: "UCcomuneEsempio000000001",
      created_at: "2025-10-01T16:00:05.000Z", kind: "post", parent_id: null, root_id: "AbCdEfGhIjK",
      text: "Consiglio comunale del 1° ottobre – \"Bilancio\" 🏛️\n\nDiretta integrale.\n#ConsiglioComunale #Esempio", lang_hint: "it",
      url: "https://www.youtube.com/watch?v=AbCdEfGhIjK", hashtags: ["consigliocomunale", "esempio"], mentions: [], media_count: 1
    });
    expect([rows.items[1]!.text, rows.items[1]!.lang_hint]).toEqual(["Raccolta differenziata: come fare", "it-IT"]);
  });

  it("reads statistics given as strings; a hidden like count is no row", () => {
    expect(rows.counts.map((c) => [c.item_id, c.metric, c.metric_source, c.value])).toEqual([
      ["AbCdEfGhIjK", "views", "viewCount", 1234], ["AbCdEfGhIjK", "likes", "likeCount", 56], ["AbCdEfGhIjK", "replies", "commentCount", 7],
      ["ZyXwVuTsRqP", "views", "viewCount", 89], ["ZyXwVuTsRqP", "replies", "commentCount", 0]
    ]);
    expect(rows.accounts).toEqual([{platform: "youtube", account_id: "UCcomuneEsempio000000001", handle: null, display_name: "Comune di Esempio", followers: null}]);
  });
});

describe("youtube-api: commentThreads.list", async () => {
  const rows = await collectRows(`${fixtures}/comment-threads.json`);

  it("maps top-level comments under the video and inline replies under their parent, on the video's channel", () => {
    expect(rows.items.map((i) => [i.item_id, i.kind, i.account_id, i.author_id, i.parent_id, i.root_id])).toEqual([
      ["UgxAbC111", "comment", "UCcomuneEsempio000000001", "UCcittadino0000000000001", "AbCdEfGhIjK", "AbCdEfGhIjK"],
      ["UgxAbC111.9zReply0001", "reply", "UCcomuneEsempio000000001", "UCcomuneEsempio000000001", "UgxAbC111", "AbCdEfGhIjK"],
      ["UgxAbC111.9zReply0002", "reply", "UCcomuneEsempio000000001", "UCcittadino0000000000001", "UgxAbC111", "AbCdEfGhIjK"],
      ["UgzOld222", "comment", null, "UCmaria000000000000000001", "AbCdEfGhIjK", "AbCdEfGhIjK"],
      ["UgwDeleted333", "comment", "UCcomuneEsempio000000001", null, "ZyXwVuTsRqP", "ZyXwVuTsRqP"]
    ]);
  });

  it("prefers textOriginal, else turns old HTML textDisplay into text without its U+FEFF", () => {
    expect(rows.items.map((i) => i.text)).toEqual([
      "Grazie per la diretta!\nMa le \"strisce blu\"? 2:15",
      "Ne parliamo al prossimo consiglio 🙂",
      "@ComuneDiEsempio grazie",
      "Bel lavoro & complimenti\n\nSaluti",
      "primo!"
    ]);
    expect(rows.items[0]!.url).toBe("https://www.youtube.com/watch?v=AbCdEfGhIjK&lc=UgxAbC111");
    expect(rows.items[2]!.mentions).toEqual(["comunediesempio"]);
    expect(rows.items[3]!.created_at).toBe("2019-05-18T07:36:14.000Z");
  });

  it("counts likes on every comment and the thread's totalReplyCount on the top-level one", () => {
    expect(rows.counts.filter((c) => c.item_id === "UgxAbC111").map((c) => [c.metric, c.metric_source, c.value])).toEqual([
      ["likes", "likeCount", 3], ["replies", "totalReplyCount", 7]
    ]);
  });

  it("reads @handles as handles and old display names as names", () => {
    expect(rows.authors).toEqual([
      {platform: "youtube", author_id: "UCcittadino0000000000001", handle: "cittadino.attivo", name: null, followers: null},
      {platform: "youtube", author_id: "UCcomuneEsempio000000001", handle: "comunediesempio", name: null, followers: null},
      {platform: "youtube", author_id: "UCmaria000000000000000001", handle: null, name: "Maria Bianchi", followers: null}
    ]);
  });
});

describe("youtube-api: other responses", () => {
  it("maps comments.list replies by parentId (no videoId: root unknown)", async () => {
    const rows = await collectRows(`${fixtures}/comments.json`);
    expect(rows.items.map((i) => [i.item_id, i.kind, i.parent_id, i.root_id, i.account_id, i.text])).toEqual([
      ["UgxAbC111.9zReply0003", "reply", "UgxAbC111", null, "UCcomuneEsempio000000001", "Concordo"],
      ["UgxAbC111.9zReply0004", "reply", "UgxAbC111", null, null, "Anche io"]
    ]);
  });

  it("maps search results that are videos, decoding their HTML escapes, and counts the rest", async () => {
    const rows = await collectRows(`${fixtures}/search.json`);
    expect(rows.items.map((i) => [i.item_id, i.kind, i.text])).toEqual([
      ["QwErTyUiOp1", "post", "L'estate a Esempio & dintorni\n\nGli eventi dell'estate ..."]
    ]);
    expect(rows.skipped).toEqual({"search result that is not a video (channel, playlist)": 1});
  });

  it("maps playlist items with the video's own date and owner, skipping deleted videos", async () => {
    const rows = await collectRows(`${fixtures}/playlist-items.json`);
    expect(rows.items.map((i) => [i.item_id, i.account_id, i.created_at])).toEqual([
      ["AbCdEfGhIjK", "UCcomuneEsempio000000001", "2025-10-01T16:00:05.000Z"]
    ]);
    expect(rows.skipped).toEqual({"deleted or private video in a playlist": 1});
  });

  it("takes subscribers from channels.list", async () => {
    const rows = await collectRows(`${fixtures}/channels.json`);
    expect(rows.accounts).toEqual([{platform: "youtube", account_id: "UCcomuneEsempio000000001", handle: "comunediesempio", display_name: "Comune di Esempio", followers: 1520}]);
  });

  it("reads an array of saved pages, where re-runs repeat comments", async () => {
    const rows = await collectRows(`${fixtures}/pages.json`);
    expect(rows.items.map((i) => [i.item_id, i.text])).toEqual([["UgyPage1", "prima pagina"], ["UgyPage1", "prima pagina (modificato)"]]);
  });

  it("recognises items saved without `kind` by their fields", () => {
    const rows = mapYoutubeItem({id: "Ugx9", snippet: {textOriginal: "ciao", publishedAt: "2025-01-01T00:00:00Z"}}, state());
    expect(rows.items?.map((i) => [i.item_id, i.kind])).toEqual([["Ugx9", "comment"]]);
    expect(() => mapYoutubeItem({id: 1}, state())).toThrow("unrecognised YouTube item (no kind, no known fields)");
  });
});

describe("youtube-api: errors", () => {
  it("rejects an unreadable publishedAt naming the file, record and field", async () => {
    await expect(collectRows(`${fixtures}/bad-date.json`)).rejects.toThrow(
      `${fixtures}/bad-date.json, record 2, field snippet.publishedAt: unrecognised date "4 ottobre 2025"`);
  });
});

describe("youtube-api: into the warehouse", async () => {
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());
  const results = await ingestInto(warehouse.path, [`${fixtures}/videos.json`, `${fixtures}/comment-threads.json`, `${fixtures}/pages.json`]);

  it("loads videos and their comments, upserting repeated comments", async () => {
    expect(results.map((r) => [r.status, r.skipped])).toEqual([
      ["loaded", {}], ["loaded", {}], ["loaded", {"repeated item id in the file (last kept)": 1}]
    ]);
    expect(await query(warehouse.path, "select item_id, kind, parent_id from items where kind <> 'post' order by item_id")).toEqual([
      {item_id: "UgwDeleted333", kind: "comment", parent_id: "ZyXwVuTsRqP"},
      {item_id: "UgxAbC111", kind: "comment", parent_id: "AbCdEfGhIjK"},
      {item_id: "UgxAbC111.9zReply0001", kind: "reply", parent_id: "UgxAbC111"},
      {item_id: "UgxAbC111.9zReply0002", kind: "reply", parent_id: "UgxAbC111"},
      {item_id: "UgyPage1", kind: "comment", parent_id: "AbCdEfGhIjK"},
      {item_id: "UgzOld222", kind: "comment", parent_id: "AbCdEfGhIjK"}
    ]);
    expect(await query(warehouse.path, "select text from items where item_id = 'UgyPage1'")).toEqual([{text: "prima pagina (modificato)"}]);
    expect(await query(warehouse.path, "select display_name from accounts where account_id = 'UCcomuneEsempio000000001'")).toEqual([{display_name: "Comune di Esempio"}]);
  });
});

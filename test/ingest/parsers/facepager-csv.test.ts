import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";
import {tempDir} from "../../helpers/temp-dir.ts";

const fixtures = "test/fixtures/facepager";
const pick = (row: {item_id: string; kind: string; parent_id: string | null; root_id: string | null; account_id: string | null; author_id: string | null; created_at: string | null; text: string | null}) =>
  [row.item_id, row.kind, row.parent_id, row.root_id, row.account_id, row.author_id, row.created_at, row.text];

describe("facepager-csv, Facebook Graph posts and comments", async () => {
  const rows = await collectRows(`${fixtures}/facebook-comments.csv`);

  it("is detected by its bookkeeping columns", () => expect(rows.parser).toBe("facepager-csv"));

  it("links comments to posts through parent_id and replies to comments, `None` read as null", () => {
    expect(rows.items.map(pick)).toEqual([
      ["100012345678901_1234567890123456", "post", null, "100012345678901_1234567890123456", "100012345678901", "100012345678901", "2025-01-01T13:05:00.000Z", "Avviso: strada chiusa 🚧 #viabilità"],
      ["100012345678901_2222222222222222", "post", null, "100012345678901_2222222222222222", "100012345678901", "100012345678901", "2025-01-01T18:00:00.000Z", "Secondo post con \"virgolette\"; e punto e virgola"],
      ["1234567890123456_9000000000000001", "comment", "100012345678901_1234567890123456", "100012345678901_1234567890123456", "100012345678901", "5550001", "2025-01-01T14:00:00.000Z", "Quando riapre? 🙏"],
      ["1234567890123456_9000000000000002", "comment", "100012345678901_1234567890123456", "100012345678901_1234567890123456", "100012345678901", null, "2025-01-01T14:10:00.000Z", null],
      ["1234567890123456_9000000000000003", "reply", "1234567890123456_9000000000000001", "100012345678901_1234567890123456", "100012345678901", "100012345678901", "2025-01-01T15:00:00.000Z", "Lunedì prossimo, @Maria Rossi"],
      // its parent node is not in the export: kept, unlinked
      ["2222222222222222_9000000000000009", "comment", null, null, null, "5550002", "2025-01-01T19:00:00.000Z", "Commento orfano"]
    ]);
    expect(rows.items[0]!.hashtags).toEqual(["viabilità"]);
    expect(rows.items[0]!.url).toBe("https://www.facebook.com/100012345678901/posts/1234567890123456");
  });

  it("reads the dotted count columns, under their own names", () => {
    expect(rows.counts.map((c) => [c.item_id.slice(-4), c.metric, c.metric_source, c.value])).toEqual([
      ["3456", "reactions", "reactions.summary.total_count", 120],
      ["3456", "replies", "comments.summary.total_count", 3],
      ["3456", "shares", "shares.count", 7],
      ["2222", "reactions", "reactions.summary.total_count", 5],
      ["2222", "replies", "comments.summary.total_count", 0],
      ["0001", "likes", "like_count", 4], ["0001", "replies", "comment_count", 1],
      ["0002", "likes", "like_count", 0], ["0002", "replies", "comment_count", 0],
      ["0003", "likes", "like_count", 1], ["0003", "replies", "comment_count", 0],
      ["0009", "likes", "like_count", 0], ["0009", "replies", "comment_count", 0]
    ]);
  });

  it("skips seed, offcut, error and empty nodes by name, and dates the file by its last query", () => {
    expect(rows.skipped).toEqual({
      "facepager seed node": 1,
      "facepager offcut node (paging leftovers)": 1,
      "facepager error node (failed query)": 1,
      "facepager empty node (query without results)": 1
    });
    // query_time is the collector's local time (the parse zone, Europe/Rome)
    expect(rows.exported_at).toBe("2025-01-02T08:31:40.100Z");
    expect(rows.accounts).toEqual([
      {platform: "facebook", account_id: "100012345678901", handle: null, display_name: "Comune di Esempio", followers: null},
      {platform: "facebook", account_id: "100012345678901", handle: null, display_name: "Comune di Esempio", followers: null}
    ]);
    expect(rows.authors.map((a) => [a.author_id, a.name])).toEqual([
      ["100012345678901", "Comune di Esempio"], ["100012345678901", "Comune di Esempio"], ["5550001", "Maria Rossi"],
      ["100012345678901", "Comune di Esempio"], ["5550002", "Luca"]
    ]);
  });
});

describe("facepager-csv, YouTube comment threads", async () => {
  const rows = await collectRows(`${fixtures}/youtube-comments.csv`);

  it("maps threads as comments on the seed video and replies under their thread", () => {
    expect(rows.items.map(pick)).toEqual([
      ["UgzThread1", "comment", "dQw4w9WgXcQ", "dQw4w9WgXcQ", "UCcomune", "UCmario", "2025-02-10T08:00:00.000Z", "Ottimo video, grazie! 👍"],
      ["UgzThread2", "comment", "dQw4w9WgXcQ", "dQw4w9WgXcQ", "UCcomune", "UCanna", "2025-02-10T09:30:00.000Z", null],
      ["UgzThread1.AAAreply1", "reply", "UgzThread1", "dQw4w9WgXcQ", "UCcomune", "UCcomune", "2025-02-10T10:00:00.000Z", "Grazie a te!"]
    ]);
    expect(rows.items.map((row) => [row.platform, row.url])).toEqual([
      ["youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzThread1"],
      ["youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzThread2"],
      ["youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzThread1.AAAreply1"]
    ]);
    expect(rows.counts.filter((c) => c.item_id === "UgzThread1").map((c) => [c.metric, c.metric_source, c.value])).toEqual([
      ["likes", "snippet.topLevelComment.snippet.likeCount", 5], ["replies", "snippet.totalReplyCount", 1]
    ]);
    expect(rows.authors.map((a) => [a.author_id, a.name])).toEqual([["UCmario", "@mario.b"], ["UCanna", "@anna"], ["UCcomune", "@ComuneDiEsempio"]]);
    expect(rows.skipped).toEqual({"facepager seed node": 1, "facepager offcut node (paging leftovers)": 1});
  });
});

describe("facepager-csv errors and loading", () => {
  const dir = tempDir("ascolto-facepager-");
  const header = '"level";"id";"parent_id";"object_id";"object_type";"object_key";"query_status";"query_time";"query_type";"message";"created_time"\r\n';
  const write = (name: string, body: string) => {
    writeFileSync(join(dir, name), `\ufeff${header}${body}\r\n`);
    return join(dir, name);
  };
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());

  it("refuses a date it cannot read, naming file, line and value", async () => {
    const path = write("date.csv", '"1";"2";"1";"1_2";"data";"data";"fetched (200)";"2025-01-02 09:30:12";"Facebook:/<page-id>/posts";"ciao";"ieri"');
    await expect(collectRows(path)).rejects.toThrow(`${path}, line 2: unrecognised date "ieri"`);
  });

  it("refuses an unknown object type", async () => {
    const path = write("type.csv", '"1";"2";"1";"1_2";"mystery";"";"fetched (200)";"2025-01-02 09:30:12";"Facebook:/<page-id>/posts";"ciao";"None"');
    await expect(collectRows(path)).rejects.toThrow(`${path}, line 2, field object_type: unknown facepager object_type "mystery"`);
  });

  it("refuses the wide format, whose columns it cannot place", async () => {
    const wide = join(dir, "wide.csv");
    writeFileSync(wide, '"path";"id";"parent_id";"level";"object_id";"object_type";"object_key";"query_status";"query_time";"query_type";"lvl_0_message"\r\n"1";"1";"None";"0";"x";"seed";"";"";"";"";"None"\r\n');
    await expect(collectRows(wide)).rejects.toThrow(`${wide}, line 2: wide-format export (column lvl_0_message)`);
  });

  it("skips nodes of other queries and APIs by name", async () => {
    const path = write("other.csv", '"1";"2";"1";"1";"data";"data";"fetched (200)";"2025-01-02 09:30:12";"Facebook:/<page-id>";"None";"None"\r\n"1";"3";"1";"1";"data";"data";"fetched (200)";"2025-01-02 09:30:12";"Generic:https://example.org";"None";"None"');
    expect((await collectRows(path)).skipped).toEqual({
      "facepager node of a query other than posts, videos or comments": 1,
      "facepager node from another API than Facebook or YouTube": 1
    });
  });

  it("loads into the warehouse with comments under their post", async () => {
    const [result] = await ingestInto(warehouse.path, [`${fixtures}/facebook-comments.csv`]);
    expect(result).toMatchObject({status: "loaded", format: "facepager-csv", rows: {items: 6, counts: 13}});
    expect(await query(warehouse.path, "select kind, count(*)::integer as n from items group by kind order by kind")).toEqual([
      {kind: "comment", n: 3}, {kind: "post", n: 2}, {kind: "reply", n: 1}
    ]);
    expect(await query(warehouse.path, "select exported_at::varchar as at from source_files")).toEqual([{at: "2025-01-02 08:31:40.1+00"}]);
  });
});

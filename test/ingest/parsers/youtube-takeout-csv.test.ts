import {afterAll, describe, expect, it} from "vitest";
import {segmentText} from "../../../ingest/parsers/youtube-takeout-csv.ts";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";

const fixtures = "test/fixtures/youtube";
const withoutRaw = <T extends {raw: string}>({raw: _raw, ...row}: T) => row;

describe("youtube-takeout-csv: comments.csv (2024 onwards)", async () => {
  const rows = await collectRows(`${fixtures}/comments.csv`);

  it("is detected by its header, BOM and CRLF notwithstanding", () => expect(rows.parser).toBe("youtube-takeout-csv"));

  it("maps the user's comments under videos and community posts, joining the JSON segments", () => {
    expect(rows.items.map(withoutRaw)).toEqual([
      {
        platform: "youtube", item_id: "UgzTk001", account_id: null, author_id: "UCufficioStampa000000001",
        created_at: "2024-02-11T17:40:12.118Z", kind: "comment", parent_id: "AbCdEfGhIjK", root_id: "AbCdEfGhIjK",
        text: "Bel video 2:15 👏 #Esempio", lang_hint: null, url: "https://www.youtube.com/watch?v=AbCdEfGhIjK&lc=UgzTk001",
        hashtags: ["esempio"], mentions: [], media_count: null
      },
      {
        platform: "youtube", item_id: "UgzTk002", account_id: null, author_id: "UCufficioStampa000000001",
        created_at: "2024-03-01T08:00:00.000Z", kind: "comment", parent_id: "UgkxPost0001", root_id: "UgkxPost0001",
        text: "Ottima iniziativa,\nci saremo! \"Sagra\" @prolocoesempio", lang_hint: null, url: "https://www.youtube.com/post/UgkxPost0001",
        hashtags: [], mentions: ["prolocoesempio"], media_count: null
      },
      {
        platform: "youtube", item_id: "UgzTk001.AbCReply01", account_id: null, author_id: "UCufficioStampa000000001",
        created_at: "2024-02-12T09:00:00.000Z", kind: "reply", parent_id: "UgzTk001", root_id: "AbCdEfGhIjK",
        text: "Risposta", lang_hint: null, url: "https://www.youtube.com/watch?v=AbCdEfGhIjK&lc=UgzTk001.AbCReply01",
        hashtags: [], mentions: [], media_count: null
      }
    ]);
    expect(JSON.parse(rows.items[0]!.raw)["Video ID"]).toBe("AbCdEfGhIjK");
    expect(rows.authors).toEqual([{platform: "youtube", author_id: "UCufficioStampa000000001", handle: null, name: null, followers: null}]);
  });
});

describe("youtube-takeout-csv: older files", () => {
  it("reads 'Comment Create Timestamp' headers, takeoutSegments and the Parent Comment ID column", async () => {
    const rows = await collectRows(`${fixtures}/comments-2023.csv`);
    expect(rows.items.map((i) => [i.item_id, i.kind, i.parent_id, i.root_id, i.created_at, i.text])).toEqual([
      ["UgxOld0001", "comment", "WtOskFeLmr4", "WtOskFeLmr4", "2023-09-19T17:42:53.434Z", "Complimenti per il servizio"],
      ["UgwOld0002.9iwJkUYNcXa", "reply", "UgwOld0002", "jH39c5-y6kg", "2023-08-30T01:54:46.000Z", "Grazie, \"precisazione\" utile"]
    ]);
  });

  it("reads segments, wrapped segments and plain text", () => {
    expect(segmentText('{"text":"a"},{"text":"\\n"},{"text":"b"}')).toBe("a\nb");
    expect(segmentText('{"takeoutSegments":[{"text":"c"},{"text":"d"}]}')).toBe("cd");
    expect(segmentText("testo semplice")).toBe("testo semplice");
    expect(segmentText("  ")).toBeNull();
  });
});

describe("youtube-takeout-csv: errors", () => {
  it("rejects unreadable segments naming the file, line and column", async () => {
    await expect(collectRows(`${fixtures}/comments-bad.csv`)).rejects.toThrow(
      `${fixtures}/comments-bad.csv, line 3, field Comment text: unreadable comment text segments "{\\"text\\":\\"rotto"`);
  });
});

describe("youtube-takeout-csv: into the warehouse", async () => {
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());
  const results = await ingestInto(warehouse.path, [`${fixtures}/comments.csv`]);

  it("loads the comments with their author", async () => {
    expect(results.map((r) => [r.format, r.status, r.rows])).toEqual([["youtube-takeout-csv", "loaded", {items: 3, authors: 1}]]);
    expect(await query(warehouse.path, "select item_id, kind, root_id from items order by item_id")).toEqual([
      {item_id: "UgzTk001", kind: "comment", root_id: "AbCdEfGhIjK"},
      {item_id: "UgzTk001.AbCReply01", kind: "reply", root_id: "AbCdEfGhIjK"},
      {item_id: "UgzTk002", kind: "comment", root_id: "UgkxPost0001"}
    ]);
  });
});

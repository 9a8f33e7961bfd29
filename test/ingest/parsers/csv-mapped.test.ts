import {copyFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";
import {tempDir} from "../../helpers/temp-dir.ts";

const fixtures = "test/fixtures/csv-mapped";
const withoutRaw = <T extends {raw: string}>({raw: _raw, ...row}: T) => row;

describe("csv-mapped, the worked example of docs/csv-mapping.md", async () => {
  const rows = await collectRows(`${fixtures}/esempio/commenti-pagina.csv`);

  it("is claimed because its mapping sits beside it", () => expect(rows.parser).toBe("csv-mapped"));

  it("maps each row through the mapping: kinds by value, day-first times in the mapping's zone", () => {
    const base = {platform: "facebook", account_id: "100012345678901", lang_hint: null, mentions: [], media_count: null};
    expect(rows.items.map(withoutRaw)).toEqual([
      {
        ...base, item_id: "100012345678901_1234567890123456", kind: "post", author_id: "100012345678901", created_at: "2025-03-04T16:25:00.000Z",
        text: "Avviso: lavori in via Roma #viabilità", parent_id: null, root_id: "100012345678901_1234567890123456",
        url: "https://www.facebook.com/100012345678901/posts/1234567890123456", hashtags: ["viabilità"]
      },
      {
        ...base, item_id: "1234567890123456_9000000000000001", kind: "comment", author_id: "5550001", created_at: "2025-03-04T17:02:00.000Z",
        text: "Quando finiscono?\nGrazie", parent_id: "100012345678901_1234567890123456", root_id: "100012345678901_1234567890123456", url: null, hashtags: []
      },
      {
        ...base, item_id: "1234567890123456_9000000000000003", kind: "reply", author_id: "100012345678901", created_at: "2025-03-05T08:10:00.000Z",
        text: "Entro venerdì 👍", parent_id: "1234567890123456_9000000000000001", root_id: null, url: null, hashtags: []
      },
      {
        // summer time (CEST) since the 30th
        ...base, item_id: "1234567890123456_9000000000000004", kind: "comment", author_id: null, created_at: "2025-03-31T00:30:00.000Z",
        text: "Ok \"bene\"", parent_id: "100012345678901_1234567890123456", root_id: "100012345678901_1234567890123456", url: null, hashtags: []
      }
    ]);
  });

  it("names each count after its column, thousands separators read", () => {
    expect(rows.counts.map((c) => [c.item_id.slice(-4), c.metric, c.metric_source, c.value])).toEqual([
      ["3456", "likes", "Mi piace", 1234], ["3456", "replies", "Risposte", 3],
      ["0001", "likes", "Mi piace", 4], ["0001", "replies", "Risposte", 1],
      ["0003", "likes", "Mi piace", 1], ["0003", "replies", "Risposte", 0]
    ]);
    expect(rows.authors.map((a) => [a.author_id, a.name])).toEqual([
      ["100012345678901", "Comune di Esempio"], ["5550001", "Maria Rossi"], ["100012345678901", "Comune di Esempio"]
    ]);
  });
});

describe("csv-mapped, a folder-wide ascolto-mapping.json", async () => {
  const rows = await collectRows(`${fixtures}/cartella`, {only: "commenti-instagram.csv"});

  it("applies to the CSVs of its folder; Unix times in seconds or milliseconds", () => {
    expect(rows.parser).toBe("csv-mapped");
    expect(rows.items.map((row) => [row.platform, row.item_id, row.kind, row.author_id, row.created_at, row.parent_id, row.mentions])).toEqual([
      ["instagram", "17900000000000001", "comment", "anna.b", "2025-03-04T14:53:20.000Z", "C1a2B3c4D5e", ["comunediesempio"]],
      ["instagram", "17900000000000002", "comment", "luca_v", "2025-03-04T14:53:20.123Z", "C1a2B3c4D5e", []]
    ]);
    expect(rows.authors[0]).toEqual({platform: "instagram", author_id: "anna.b", handle: "anna.b", name: null, followers: null});
  });
});

describe("csv-mapped errors", () => {
  const csv = "ID;Testo;Data\r\n1;ciao;04/03/2025 17:25\r\n";
  const setup = (mapping: string, body = csv) => {
    const dir = tempDir("ascolto-mapped-");
    writeFileSync(join(dir, "dati.csv"), body);
    writeFileSync(join(dir, "dati.mapping.json"), mapping);
    return {csv: join(dir, "dati.csv"), mapping: join(dir, "dati.mapping.json")};
  };
  const valid = {platform: "facebook", columns: {id: "ID", text: "Testo", created_at: "Data"}, created_at: {format: "dd/mm/yyyy hh:mm"}};
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());

  it("names the mapping file and the unknown key", async () => {
    const paths = setup(JSON.stringify({...valid, colums: {}}));
    await expect(collectRows(paths.csv)).rejects.toThrow(`${paths.mapping}: unknown key "colums"`);
  });

  it("names the mapping file, the key and the missing column, listing the CSV's columns", async () => {
    const paths = setup(JSON.stringify({...valid, columns: {...valid.columns, author_name: "Autore"}}));
    await expect(collectRows(paths.csv)).rejects.toThrow(`${paths.mapping}: columns.author_name names column "Autore", which ${paths.csv} does not have (its columns: ID, Testo, Data)`);
  });

  it("refuses unknown fields, formats, zones, platforms, kinds and metrics", async () => {
    const cases: Array<[object, string]> = [
      [{...valid, columns: {...valid.columns, autore: "x"}}, "unknown field columns.autore"],
      [{...valid, created_at: {format: "yyyy-mm-dd"}}, 'created_at.format "yyyy-mm-dd" is not one of "iso", "unix", "dd/mm/yyyy hh:mm", "mm/dd/yyyy hh:mm"'],
      [{...valid, created_at: {format: "iso", zone: "Roma"}}, 'created_at.zone "Roma" is not an IANA time zone'],
      [{...valid, platform: "myspace"}, 'platform "myspace" is not one of'],
      [{...valid, kind: "tweet"}, 'kind "tweet" is not one of'],
      [{...valid, counts: {"Mi piace": "mipiace"}}, 'counts.Mi piace: "mipiace" is not a canonical metric']
    ];
    for (const [mapping, message] of cases) {
      const paths = setup(JSON.stringify(mapping));
      await expect(collectRows(paths.csv)).rejects.toThrow(`${paths.mapping}: ${message}`);
    }
  });

  it("refuses a mapping that is not JSON", async () => {
    const paths = setup("{platform: facebook}");
    await expect(collectRows(paths.csv)).rejects.toThrow(`${paths.mapping}: not valid JSON`);
  });

  it("refuses a row whose value breaks the mapping, with file, line and column", async () => {
    const paths = setup(JSON.stringify({...valid, columns: {...valid.columns, kind: "Testo"}}));
    await expect(collectRows(paths.csv)).rejects.toThrow(`${paths.csv}, line 2, field Testo: kind "ciao" is neither a canonical kind nor listed in the mapping's "kinds"`);
    const dates = setup(JSON.stringify({...valid, created_at: {format: "iso"}}));
    await expect(collectRows(dates.csv)).rejects.toThrow(`${dates.csv}, line 2, field Data: unrecognised date "04/03/2025 17:25" (created_at.format iso)`);
  });

  it("claims no CSV without a mapping: others' exports keep their parser", async () => {
    const dir = tempDir("ascolto-mapped-");
    writeFileSync(join(dir, "dati.csv"), csv);
    await expect(collectRows(join(dir, "dati.csv"))).rejects.toThrow("no parser for");
    copyFileSync("test/fixtures/crowdtangle/search-facebook.csv", join(dir, "search.csv"));
    expect((await collectRows(join(dir, "search.csv"))).parser).toBe("crowdtangle-csv");
  });

  it("loads a folder: the CSV through its mapping, the mapping file itself ignored", async () => {
    const results = await ingestInto(warehouse.path, [`${fixtures}/esempio`]);
    expect(results.map((r) => [r.path.split("/").pop(), r.status, r.format])).toEqual([
      ["commenti-pagina.csv", "loaded", "csv-mapped"],
      ["commenti-pagina.mapping.json", "ignored", null]
    ]);
    expect(await query(warehouse.path, "select kind, count(*)::integer as n from items group by kind order by kind")).toEqual([
      {kind: "comment", n: 2}, {kind: "post", n: 1}, {kind: "reply", n: 1}
    ]);
  });
});

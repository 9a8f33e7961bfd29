import {afterEach, beforeEach, describe, expect, test} from "vitest";
import {ingestInto, query, tempWarehouse} from "../helpers/warehouse.ts";

const fixtures = "test/fixtures/ingest";
let warehouse: ReturnType<typeof tempWarehouse>;

beforeEach(() => {
  warehouse = tempWarehouse();
});
afterEach(() => warehouse.cleanup());

describe("ingest", () => {
  test("loads an archive folder, one transaction per file, with the export's date", async () => {
    const results = await ingestInto(warehouse.path, [`${fixtures}/archive-a`]);
    expect(results.map((r) => [r.path.split("/").pop(), r.status])).toEqual([
      ["account.js", "loaded"], ["manifest.js", "ignored"], ["tweets.js", "loaded"]
    ]);
    // 3 records, one id twice: the last record of the file wins and the repeat is reported
    expect(results[2]!.skipped).toEqual({"repeated item id in the file (last kept)": 1});
    expect(await query(warehouse.path, "select item_id, author_id, kind, text, hashtags, first_seen_at::varchar as seen from items order by item_id")).toEqual([
      {item_id: "1890000000000000001", author_id: "900000000000000001", kind: "post",
        text: "Da lunedì lavori in via Roma: strada chiusa dalle 9 alle 17 #viabilità", hashtags: ["viabilità"], seen: "2025-03-10 09:00:00+00"},
      {item_id: "1890000000000000002", author_id: "900000000000000001", kind: "post",
        text: "Grazie a tutti i volontari 🙏 & alle associazioni!", hashtags: [], seen: "2025-03-10 09:00:00+00"}
    ]);
    expect(await query(warehouse.path, "select item_id, metric, value from item_counts order by item_id, metric")).toEqual([
      {item_id: "1890000000000000001", metric: "likes", value: 4},
      {item_id: "1890000000000000001", metric: "shares", value: 1},
      {item_id: "1890000000000000002", metric: "likes", value: 11},
      {item_id: "1890000000000000002", metric: "shares", value: 2}
    ]);
  });

  test("re-ingesting the same files is a no-op", async () => {
    await ingestInto(warehouse.path, [`${fixtures}/archive-a`]);
    const again = await ingestInto(warehouse.path, [`${fixtures}/archive-a`]);
    expect(again.map((r) => r.status)).toEqual(["duplicate", "ignored", "duplicate"]);
    expect(await query(warehouse.path, "select count(*)::int as n from items")).toEqual([{n: 2}]);
    expect(await query(warehouse.path, "select count(*)::int as n from item_counts")).toEqual([{n: 4}]);
  });

  test("an overlapping newer export adds count snapshots without duplicating items", async () => {
    await ingestInto(warehouse.path, [`${fixtures}/archive-a`]);
    await ingestInto(warehouse.path, [`${fixtures}/archive-b`]);
    expect(await query(warehouse.path, `
      select item_id, first_seen_at::varchar as first_seen, last_seen_at::varchar as last_seen, kind, parent_id
      from items order by item_id`)).toEqual([
      {item_id: "1890000000000000001", first_seen: "2025-03-10 09:00:00+00", last_seen: "2025-03-10 09:00:00+00", kind: "post", parent_id: null},
      {item_id: "1890000000000000002", first_seen: "2025-03-10 09:00:00+00", last_seen: "2025-04-10 09:00:00+00", kind: "post", parent_id: null},
      // a reply to a tweet that is not in the warehouse keeps its parent id
      {item_id: "1890000000000000003", first_seen: "2025-04-10 09:00:00+00", last_seen: "2025-04-10 09:00:00+00", kind: "reply", parent_id: "1890000000000000099"}
    ]);
    // counters are time series: both snapshots of tweet 2 are kept; the latest view picks the newer
    expect(await query(warehouse.path, `
      select observed_at::varchar as observed, value from item_counts
      where item_id = '1890000000000000002' and metric = 'likes' order by observed`)).toEqual([
      {observed: "2025-03-10 09:00:00+00", value: 11}, {observed: "2025-04-10 09:00:00+00", value: 25}
    ]);
    expect(await query(warehouse.path, `
      select metric, value from item_counts_latest where item_id = '1890000000000000002' order by metric`)).toEqual([
      {metric: "likes", value: 25}, {metric: "shares", value: 6}
    ]);
  });

  test("a corrupt file is rejected with its reason and never stops or half-loads the others", async () => {
    // the three account.js files are identical: the first loads, the others are duplicates
    const results = await ingestInto(warehouse.path, [`${fixtures}/corrupt`, `${fixtures}/bad-record`, `${fixtures}/archive-a`]);
    const byPath = Object.fromEntries(results.map((r) => [r.path.replace(`${fixtures}/`, ""), r]));
    expect(byPath["corrupt/data/tweets.js"]!.status).toBe("rejected");
    expect(byPath["corrupt/data/tweets.js"]!.error).toMatch(/^test\/fixtures\/ingest\/corrupt\/data\/tweets\.js.*invalid JSON/);
    expect(byPath["bad-record/data/tweets.js"]!.status).toBe("rejected");
    expect(byPath["bad-record/data/tweets.js"]!.error).toBe(
      'test/fixtures/ingest/bad-record/data/tweets.js, record 2: unrecognised X date "3 marzo 2025"');
    expect(byPath["archive-a/data/tweets.js"]!.status).toBe("loaded");
    // the bad file's first, valid record was rolled back with the rest of it
    expect(await query(warehouse.path, "select item_id from items order by item_id")).toEqual([
      {item_id: "1890000000000000001"}, {item_id: "1890000000000000002"}
    ]);
    expect(await query(warehouse.path, "select status, count(*)::int as n from source_files group by status order by status")).toEqual([
      {status: "duplicate", n: 2}, {status: "ignored", n: 1}, {status: "loaded", n: 2}, {status: "rejected", n: 2}
    ]);
  });

  test("a rejected file loads completely once it is fixed", async () => {
    await ingestInto(warehouse.path, [`${fixtures}/bad-record`]);
    const results = await ingestInto(warehouse.path, [`${fixtures}/archive-a/data/tweets.js`]);
    expect(results[0]!.status).toBe("loaded");
  });

  test("reads a zip as users download it: media and the viewer are passed over", async () => {
    const results = await ingestInto(warehouse.path, [`${fixtures}/archive-b.zip`]);
    expect(results.map((r) => [r.path.replace(`${fixtures}/`, ""), r.status])).toEqual([
      ["archive-b.zip!data/account.js", "loaded"],
      ["archive-b.zip!data/manifest.js", "ignored"],
      ["archive-b.zip!data/tweets.js", "loaded"],
      ["archive-b.zip!Your archive.html", "ignored"],
      ["archive-b.zip!data/tweets_media/1890000000000000003-a.jpg", "ignored"]
    ]);
    expect(await query(warehouse.path, "select count(*)::int as n from items")).toEqual([{n: 2}]);
  });

  test("a UTF-16 file with a byte-order mark is detected and read like UTF-8", async () => {
    const results = await ingestInto(warehouse.path, [`${fixtures}/archive-utf16`]);
    expect(results.map((r) => [r.format, r.status])).toEqual([["x-archive", "loaded"]]);
    expect(await query(warehouse.path, "select item_id, text from items order by item_id")).toEqual([
      {item_id: "1890000000000000002", text: "Grazie a tutti i volontari 🙏 & alle associazioni!"},
      {item_id: "1890000000000000003", text: "@cittadino_77 La raccolta riprende domani, ci scusiamo per il disagio"}
    ]);
  });

  test("a file given by name that no parser knows is rejected", async () => {
    const results = await ingestInto(warehouse.path, [`${fixtures}/registry/entities.csv`]);
    expect(results[0]).toMatchObject({status: "rejected", error: expect.stringContaining("no known export format")});
  });
});

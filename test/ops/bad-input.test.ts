import {cpSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterEach, beforeEach, expect, test} from "vitest";
import {zipLimits} from "../../ingest/readers/zip.ts";
import {ingestInto, query, tempWarehouse} from "../helpers/warehouse.ts";
import {makeZip, twarcLine} from "./generate.ts";

const bad = "test/fixtures/bad-input";
let warehouse: ReturnType<typeof tempWarehouse>;
let dir: string;
beforeEach(async () => {
  warehouse = tempWarehouse();
  dir = join(warehouse.dir, "in");
  mkdirSync(dir);
  // data already there, which no bad file may lose or change
  await ingestInto(warehouse.path, ["test/fixtures/ingest/archive-a"]);
});
afterEach(() => warehouse.cleanup());

async function tables() {
  return query(warehouse.path, `select platform, item_id, text, created_at::varchar as created_at, last_seen_at::varchar as seen from items order by all`);
}

/** Ingests one bad file and returns its result; the warehouse's items must be exactly as before. */
async function rejectOnly(path: string) {
  const before = await tables();
  const results = await ingestInto(warehouse.path, [path]);
  expect(await tables()).toEqual(before);
  const stored = await query(warehouse.path, "select status, error from source_files order by file_id desc limit 1");
  expect(stored[0]).toEqual({status: "rejected", error: results.at(-1)!.error});
  return results;
}

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

test("truncated JSON: rejected naming the file, the record and the reason", async () => {
  const [result] = await rejectOnly(`${bad}/truncated-tweets.js`);
  expect(result).toMatchObject({status: "rejected", format: "x-archive"});
  expect(result!.error).toMatch(new RegExp(`^${bad}/truncated-tweets.js, record 1: invalid JSON after record 0 \\(.+\\)$`));
});

test("a wrong format, an empty file and random bytes: rejected with what is wrong", async () => {
  expect((await rejectOnly(`${bad}/wrong-format.json`))[0]!.error).toBe(`${bad}/wrong-format.json: no known export format matches this file's content`);
  expect((await rejectOnly(`${bad}/empty.jsonl`))[0]!.error).toBe(`${bad}/empty.jsonl: empty file (0 bytes)`);
  // seeded bytes, the same in every run
  let seed = 7;
  const random = Buffer.from(Array.from({length: 64 * 1024}, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff));
  const path = write("export.json", random);
  expect((await rejectOnly(path))[0]!.error).toBe(`${path}: no known export format matches this file's content`);
});

test("a huge single line (30 MB) is read and rejected without running out of memory", async () => {
  const path = write("one-line.jsonl", `{"data": {"id": "1", "text": "${"a".repeat(30 * 1024 ** 2)}`);
  expect((await rejectOnly(path))[0]!.error).toBe(`${path}: no known export format matches this file's content`);
  // a line cut in the middle of a file (not the last: that one is a killed capture, skipped and counted)
  const cut = JSON.stringify({data: {id: "2", text: "b".repeat(30 * 1024 ** 2)}}).slice(0, -3);
  const twarc = write("page.jsonl", [twarcLine(1), cut, twarcLine(3)].join("\n") + "\n");
  const [result] = await rejectOnly(twarc);
  expect(result!.error).toBe(`${twarc}, line 2: invalid JSON line ${JSON.stringify(cut.slice(0, 60) + "…")} ` +
    "(unterminated string in json at position 31457306)");
});

test("invalid UTF-8 in a JSON export is rejected, never loaded as mis-decoded text", async () => {
  const good = readFileSync("test/fixtures/ingest/archive-a/data/tweets.js");
  const path = write("tweets.js", Buffer.concat([good.subarray(0, 200), Buffer.from([0xff, 0xfe, 0xc3]), good.subarray(200)]));
  expect((await rejectOnly(path))[0]!.error).toBe(`${path}: invalid UTF-8 bytes`);
});

test("a CSV with shifted columns is rejected naming the line", async () => {
  expect((await rejectOnly(`${bad}/shifted-columns.csv`))[0]!.error)
    .toBe(`${bad}/shifted-columns.csv, line 3: invalid record length: columns length is 81, got 82 on line 3`);
});

test("dates before 2004 or after the export date reject the file, naming the item", async () => {
  expect((await rejectOnly(`${bad}/dates-before-2004.jsonl`))[0]!.error).toBe(
    `${bad}/dates-before-2004.jsonl, field created_at: item 1800000000000000002 has an implausible date 1970-01-01T00:00:00.000Z (before 2004-01-01)`);
  expect((await rejectOnly(`${bad}/dates-future.jsonl`))[0]!.error).toBe(`${bad}/dates-future.jsonl, field created_at: item 1800000000000000004 ` +
    "has an implausible date 2031-05-01T08:00:00.000Z (more than a day after the export date 2025-05-01T08:00:02.000Z)");
});

test("an id repeated inside one file: one item, the last record wins, and the skip is counted by name", async () => {
  const [result] = await ingestInto(warehouse.path, [`${bad}/duplicate-ids.jsonl`]);
  expect(result).toMatchObject({status: "loaded", skipped: {"repeated item id in the file (last kept)": 1}});
  expect(await query(warehouse.path, "select text from items where item_id = '1800000000000000005'")).toEqual([{text: "seconda versione, corretta"}]);
});

test("a zip with ../ paths is refused whole; a broken zip is one rejected file and the others still load", async () => {
  const tweets = readFileSync("test/fixtures/ingest/archive-b/data/tweets.js");
  const escape = write("escape.zip", makeZip([{name: "data/tweets.js", data: tweets}, {name: "../../.bashrc", data: Buffer.from("rm -rf ~")}]));
  expect((await rejectOnly(escape))[0]!.error).toBe(`${escape}: zip refused (invalid relative path: ../../.bashrc)`);
  const absolute = write("absolute.zip", makeZip([{name: "/etc/passwd", data: Buffer.from("x")}]));
  expect((await rejectOnly(absolute))[0]!.error).toBe(`${absolute}: zip refused (absolute path: /etc/passwd)`);
  write("broken.zip", Buffer.from("PK\u0003\u0004 not really a zip"));
  cpSync("test/fixtures/ingest/archive-b", join(dir, "archive-b"), {recursive: true});
  const results = await ingestInto(warehouse.path, [dir]);
  expect(results.filter((r) => r.status !== "ignored").map((r) => [r.path.slice(dir.length + 1), r.status])).toEqual([
    ["absolute.zip", "rejected"], ["archive-b/data/account.js", "duplicate"], ["archive-b/data/tweets.js", "loaded"],
    ["broken.zip", "rejected"], ["escape.zip", "rejected"]]);
  expect(results.find((r) => r.path.endsWith("broken.zip"))!.error).toMatch(/broken\.zip: not a readable zip archive \(/);
});

test("zip bombs: a high ratio, a lying header and a huge total are refused as such", async () => {
  const zeros = Buffer.alloc(20 * 1024 ** 2);
  const ratio = write("ratio.zip", makeZip([{name: "data/tweets.js", data: zeros, deflate: true}]));
  expect((await rejectOnly(ratio))[0]!.error).toMatch(new RegExp(`^${ratio}: zip entry data/tweets.js unpacks too large \\(20971520 bytes, ratio \\d+\\): refused as a possible zip bomb$`));
  // the header claims 1 KiB; yauzl counts the bytes actually inflated and stops at the claim
  const liar = write("liar.zip", makeZip([{name: "data/tweets.js", data: Buffer.from(`window.YTD.tweets.part0 = [${" ".repeat(5 * 1024 ** 2)}]`), deflate: true, declaredSize: 1024}]));
  const [lied] = await rejectOnly(liar);
  expect(lied!.error).toMatch(/liar\.zip!data\/tweets\.js.*too many bytes in the stream|liar\.zip.*: (invalid JSON|no known export format)/);
  const saved = zipLimits.maxTotalBytes;
  zipLimits.maxTotalBytes = 1000;
  try {
    const big = write("big.zip", makeZip([{name: "a.txt", data: Buffer.alloc(600, 65)}, {name: "b.txt", data: Buffer.alloc(600, 66)}]));
    expect((await rejectOnly(big))[0]!.error).toBe(`${big}: zip entry b.txt unpacks too large (600 bytes, ratio 1): refused as a possible zip bomb`);
  } finally {
    zipLimits.maxTotalBytes = saved;
  }
});

test("a zip inside a zip loads; nesting past the limit (a zip quine) is refused", async () => {
  const archive = ["account.js", "tweets.js"].map((name) => ({name: `data/${name}`, data: readFileSync(`test/fixtures/ingest/archive-b/data/${name}`)}));
  const outer = write("outer.zip", makeZip([{name: "twitter-2025.zip", data: makeZip(archive)}]));
  const results = await ingestInto(warehouse.path, [outer]);
  expect(results.map((r) => [r.path, r.status])).toEqual([
    [`${outer}!twitter-2025.zip!data/account.js`, "duplicate"], [`${outer}!twitter-2025.zip!data/tweets.js`, "loaded"]]);
  let deep = makeZip(archive);
  for (let level = 0; level < zipLimits.maxDepth; level++) deep = makeZip([{name: `level${level}.zip`, data: deep}]);
  const nested = write("nested.zip", deep);
  const [refused] = await rejectOnly(nested);
  expect(refused!.error).toBe(`${nested}!level${zipLimits.maxDepth - 1}.zip!level${zipLimits.maxDepth - 2}.zip!level${zipLimits.maxDepth - 3}.zip: zip nested more than ${zipLimits.maxDepth} deep: refused`);
});

test("a CSV cut in the middle of a character is rejected, not waited on forever", async () => {
  const csv = readFileSync("test/fixtures/x/twarc-csv/tweets.csv");
  const emoji = csv.indexOf(Buffer.from("🚧"));
  const path = write("tweets.csv", csv.subarray(0, emoji + 2));
  const started = Date.now();
  expect((await rejectOnly(path))[0]!.error).toBe(`${path}: invalid UTF-8 bytes`);
  expect(Date.now() - started).toBeLessThan(5000);
});

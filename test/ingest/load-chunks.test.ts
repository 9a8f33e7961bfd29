import {beforeEach, expect, test} from "vitest";
import {counts, item, type Rows} from "../../ingest/canonical.ts";
import type {FileRecord} from "../../ingest/file-records.ts";
import {loadFile} from "../../ingest/load.ts";
import {repeatedRule} from "../../ingest/merge.ts";
import {withWarehouse} from "../../lib/duckdb.ts";
import {query as queryUtc, testWarehouse} from "../helpers/warehouse.ts";

// A file larger than one chunk is merged chunk by chunk in its one transaction: these tests load the same
// records with chunks of a few rows and as one chunk, and expect the same tables.
let a: ReturnType<typeof testWarehouse>;
let b: ReturnType<typeof testWarehouse>;
beforeEach(() => {
  a = testWarehouse();
  b = testWarehouse();
});

const exported_at = "2025-05-10T08:00:00.000Z";

/** One tweet: an item with its likes and author; `null` text for a record that lacks it. */
function tweet(n: number, text: string | null, likes: number, {hashtags = [] as string[], author = `a${n}`} = {}): Rows {
  const id = `19000000000000000${n}`;
  return {
    items: [{...item("x", id, "post", {id, text, likes}), account_id: "100", author_id: author, text, hashtags,
      created_at: `2025-05-0${n}T10:00:00.000Z`, root_id: id}],
    counts: counts("x", id, [["likes", "like_count", likes]]),
    authors: [{platform: "x", author_id: author, handle: `user${n}`, name: null, followers: null}],
    exported_at
  };
}

function file(name: string): FileRecord {
  return {path: `/exports/${name}`, sha256: name, bytes: 1, format: "test", mtime: new Date("2025-05-10T08:00:00Z")};
}

async function* batches(list: Rows[], fail?: Error): AsyncGenerator<Rows> {
  for (const rows of list) yield rows;
  if (fail) throw fail;
}

async function load(path: string, name: string, list: Rows[], chunkRows: number, fail?: Error) {
  return withWarehouse(path, (connection) => loadFile(connection, file(name), batches(list, fail), {chunkRows}));
}

async function tables(path: string) {
  const utc = (sql: string) => sql.replaceAll(/utc\((\w+)\)/g, "strftime($1 at time zone 'UTC', '%Y-%m-%d %H:%M')");
  const query = (path: string, sql: string) => queryUtc(path, utc(sql));
  return {
    items: await query(path, `select * exclude (raw, first_seen_at, last_seen_at), raw::varchar as raw, utc(first_seen_at) as first_seen_at,
      utc(last_seen_at) as last_seen_at from items order by all`),
    counts: await query(path, "select * exclude (observed_at) from item_counts order by all"),
    authors: await query(path, "select author_id, handle from authors order by all"),
    files: await query(path, "select * exclude (ingested_at, exported_at), utc(exported_at) as exported_at from source_files order by all")
  };
}

// 1 and 2 come back in later chunks; 2's last record drops its text and hashtags, as a later record may
const records = [
  tweet(1, "prima", 1, {hashtags: ["roma"]}), tweet(2, "seconda", 2, {hashtags: ["lavori"]}), tweet(3, "terza", 3),
  tweet(1, "prima, corretta", 5), tweet(4, "quarta", 4), tweet(2, null, 7), tweet(1, "prima, ultima", 9, {hashtags: ["via"]})
];

test("a file merged in chunks gives the tables of one merge: the last record of a repeated id wins, repeats reported", async () => {
  // each tweet is 3 rows: a chunk of 3 rows merges after every record
  const chunked = await load(a.path, "overlap.jsonl", records, 3);
  const whole = await load(b.path, "overlap.jsonl", records, 1_000_000);
  expect(chunked).toEqual(whole);
  expect(chunked.rows).toEqual({items: 4, counts: 7, authors: 7});
  expect(chunked.skipped).toEqual({[repeatedRule]: 3});
  const got = await tables(a.path);
  expect(got).toEqual(await tables(b.path));
  expect(got.items.map(({item_id, text, hashtags, raw, source_file_id, last_source_file_id}) =>
    ({item_id, text, hashtags, raw, source_file_id, last_source_file_id}))).toEqual([
    {item_id: "190000000000000001", text: "prima, ultima", hashtags: ["via"], raw: '{"id":"190000000000000001","text":"prima, ultima","likes":9}', source_file_id: 1, last_source_file_id: 1},
    {item_id: "190000000000000002", text: null, hashtags: [], raw: '{"id":"190000000000000002","text":null,"likes":7}', source_file_id: 1, last_source_file_id: 1},
    {item_id: "190000000000000003", text: "terza", hashtags: [], raw: '{"id":"190000000000000003","text":"terza","likes":3}', source_file_id: 1, last_source_file_id: 1},
    {item_id: "190000000000000004", text: "quarta", hashtags: [], raw: '{"id":"190000000000000004","text":"quarta","likes":4}', source_file_id: 1, last_source_file_id: 1}
  ]);
  // one count snapshot per item, metric and file: the last
  expect(got.counts.map((c) => [c.item_id, c.value])).toEqual([
    ["190000000000000001", 9], ["190000000000000002", 7], ["190000000000000003", 3], ["190000000000000004", 4]
  ]);
  expect(got.files).toEqual([{
    file_id: 1, path: "/exports/overlap.jsonl", sha256: "overlap.jsonl", bytes: "1", format: "test", status: "loaded",
    rows_json: '{"items":4,"counts":7,"authors":7}', skipped_json: `{"${repeatedRule}":3}`, error: null,
    exported_at: "2025-05-10 08:00"
  }]);
});

test("an item an earlier file brought: a later file updates it in chunks without rewriting its raw", async () => {
  for (const path of [a.path, b.path]) await load(path, "first.jsonl", [tweet(1, "vecchio", 1, {hashtags: ["roma"]}), tweet(2, "due", 2)], 1_000_000);
  const later = [tweet(3, "tre", 3), tweet(1, "nuovo", 4), tweet(2, null, 5), tweet(1, "nuovissimo", 6)].map((rows) => ({...rows, exported_at: "2025-06-01T00:00:00.000Z"}));
  const chunked = await load(a.path, "second.jsonl", later, 3);
  expect(chunked).toEqual(await load(b.path, "second.jsonl", later, 1_000_000));
  expect(chunked.skipped).toEqual({[repeatedRule]: 1});
  const got = await tables(a.path);
  expect(got).toEqual(await tables(b.path));
  expect(got.items.map(({item_id, text, hashtags, raw, first_seen_at, last_seen_at, source_file_id, last_source_file_id}) =>
    ({item_id, text, hashtags, raw, first_seen_at, last_seen_at, source_file_id, last_source_file_id}))).toEqual([
    // newer non-null values win; raw stays the record of the file that first brought the item
    {item_id: "190000000000000001", text: "nuovissimo", hashtags: ["roma"], raw: '{"id":"190000000000000001","text":"vecchio","likes":1}',
      first_seen_at: "2025-05-10 08:00", last_seen_at: "2025-06-01 00:00", source_file_id: 1, last_source_file_id: 2},
    {item_id: "190000000000000002", text: "due", hashtags: [], raw: '{"id":"190000000000000002","text":"due","likes":2}',
      first_seen_at: "2025-05-10 08:00", last_seen_at: "2025-06-01 00:00", source_file_id: 1, last_source_file_id: 2},
    {item_id: "190000000000000003", text: "tre", hashtags: [], raw: '{"id":"190000000000000003","text":"tre","likes":3}',
      first_seen_at: "2025-06-01 00:00", last_seen_at: "2025-06-01 00:00", source_file_id: 2, last_source_file_id: 2}
  ]);
  expect(got.counts.filter((c) => c.source_file_id === 2).map((c) => [c.item_id, c.value])).toEqual([
    ["190000000000000001", 6], ["190000000000000002", 5], ["190000000000000003", 3]
  ]);
});

test("a failure after some chunks merged rolls the whole file back", async () => {
  await load(a.path, "first.jsonl", [tweet(1, "vecchio", 1)], 1_000_000);
  const before = await tables(a.path);
  await expect(load(a.path, "broken.jsonl", records, 3, new Error("record 8: invalid JSON"))).rejects.toThrow("record 8: invalid JSON");
  expect(await tables(a.path)).toEqual(before);
});

test("a later chunk's implausible date rejects the file, earlier chunks included", async () => {
  const bad = {...tweet(5, "futuro", 1), exported_at};
  bad.items![0]!.created_at = "2025-05-20T00:00:00.000Z";
  await expect(load(a.path, "future.jsonl", [...records, bad], 3)).rejects.toThrow(
    "item 190000000000000005 has an implausible date 2025-05-20T00:00:00.000Z (more than a day after the export date 2025-05-10T08:00:00.000Z)");
  expect(await tables(a.path)).toEqual({items: [], counts: [], authors: [], files: []});
});

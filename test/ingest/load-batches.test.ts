import {beforeEach, expect, test} from "vitest";
import {counts, item, type Rows} from "../../ingest/canonical.ts";
import {ingestPaths} from "../../ingest/ingest.ts";
import {Loader, type LoadOptions, type LoadOutcome} from "../../ingest/load.ts";
import {repeatedRule} from "../../ingest/merge.ts";
import {withWarehouse} from "../../lib/duckdb.ts";
import {query, testWarehouse} from "../helpers/warehouse.ts";

// Small files are merged in batches: these tests load the same files in one batch and one by one, and
// expect the same tables; a bad file in a batch is rejected alone.
let a: ReturnType<typeof testWarehouse>;
let b: ReturnType<typeof testWarehouse>;
beforeEach(() => {
  a = testWarehouse();
  b = testWarehouse();
});

interface TestFile {
  name: string;
  rows: Rows[];
  fail?: Error;
}

/** A page of a feed exported on `day` (May 2025): the page account, posts with likes, their authors. */
function page(day: number, posts: Array<[id: number, text: string | null, likes: number]>, {followers = null as number | null, handle = "comune" as string | null} = {}): Rows {
  const exported_at = `2025-05-${String(day).padStart(2, "0")}T08:00:00.000Z`;
  return {
    items: posts.map(([id, text]) => ({...item("facebook", `p${id}`, "post", {id, text}), account_id: "page", author_id: `u${id % 3}`, text,
      created_at: `2025-05-0${id}T10:00:00.000Z`})),
    counts: posts.flatMap(([id, , likes]) => counts("facebook", `p${id}`, [["likes", "likes", likes]])),
    authors: posts.map(([id]) => ({platform: "facebook" as const, author_id: `u${id % 3}`, handle: `utente${id % 3}`, name: null, followers: day * 10 + id})),
    accounts: [{platform: "facebook", account_id: "page", handle, display_name: "Comune", followers}],
    account_daily: [{platform: "facebook", account_id: "page", day: "2025-05-01", followers, follows_gained: day, follows_lost: null,
      impressions: null, reach: day * 100, profile_visits: null, engagements: null}],
    exported_at
  };
}

// p1 comes back in three files and twice in the last; the newest export (the 9th) carries no follower count
const files: TestFile[] = [
  {name: "a.json", rows: [page(5, [[1, "prima", 1], [2, "seconda", 2]], {followers: 500})]},
  {name: "b.json", rows: [page(9, [[3, "terza", 3]], {followers: null, handle: null})]},
  {name: "c.json", rows: [page(7, [[1, "prima, corretta", 4], [4, "quarta", 4]], {followers: 700})]},
  {name: "d.json", rows: [page(8, [[1, null, 6]], {followers: 650}), page(8, [[1, "prima, ultima", 7]], {followers: 650})]}
];

async function* batches({rows, fail}: TestFile): AsyncGenerator<Rows> {
  for (const batch of rows) yield batch;
  if (fail) throw fail;
}

/** Loads the files with one loader; the outcome of each, by name. */
async function load(path: string, list: TestFile[], options: LoadOptions = {}): Promise<Record<string, string>> {
  const outcomes: Record<string, string> = {};
  await withWarehouse(path, async (connection) => {
    const loader = await Loader.for(connection, options);
    for (const file of list) {
      await loader.add({
        record: {path: `/exports/${file.name}`, sha256: file.name, bytes: 1, format: "test", mtime: null},
        parse: () => batches(file),
        done: async (outcome: LoadOutcome) => void (outcomes[file.name] = outcome.report ? JSON.stringify(outcome.report.skipped) : String(outcome.error))
      });
    }
    await loader.flush();
  });
  return outcomes;
}

async function tables(path: string) {
  const files = "(select file_id, path from source_files)";
  return {
    items: await query(path, `select i.* exclude (raw, source_file_id, last_source_file_id, first_seen_at, last_seen_at),
      f.path as first_file, l.path as last_file, strftime(first_seen_at, '%d') as first_seen, strftime(last_seen_at, '%d') as last_seen
      from items i join ${files} f on f.file_id = i.source_file_id join ${files} l on l.file_id = i.last_source_file_id order by all`),
    counts: await query(path, `select item_id, value, path from item_counts join ${files} on file_id = source_file_id order by all`),
    authors: await query(path, "select author_id, handle, followers::integer as followers, strftime(followers_observed_at, '%d') as observed from authors order by all"),
    accounts: await query(path, `select handle, followers::integer as followers, strftime(followers_observed_at, '%d') as observed, strftime(first_seen_at, '%d') as first_seen,
      strftime(last_seen_at, '%d') as last_seen from accounts`),
    daily: await query(path, `select day::varchar as day, followers::integer as followers, follows_gained::integer as gained, reach::integer as reach,
      impressions, path from account_daily join ${files} on file_id = source_file_id`),
    files: await query(path, "select path, status, rows_json, skipped_json from source_files where status = 'loaded' order by path")
  };
}

test("a batch of files gives the tables of loading them one by one, in order", async () => {
  const batched = await load(a.path, files);
  expect(batched).toEqual(await load(b.path, files, {batchFiles: 1}));
  expect(batched["d.json"]).toBe(JSON.stringify({[repeatedRule]: 1}));
  const got = await tables(a.path);
  expect(got).toEqual(await tables(b.path));
  expect(got.items.map(({item_id, text, first_file, last_file, first_seen, last_seen}) => [item_id, text, first_file, last_file, first_seen, last_seen])).toEqual([
    // each later export of p1 is newer: the last text wins
    ["p1", "prima, ultima", "/exports/a.json", "/exports/d.json", "05", "08"],
    ["p2", "seconda", "/exports/a.json", "/exports/a.json", "05", "05"],
    ["p3", "terza", "/exports/b.json", "/exports/b.json", "09", "09"],
    ["p4", "quarta", "/exports/c.json", "/exports/c.json", "07", "07"]
  ]);
  expect(got.counts.filter((c) => c.item_id === "p1").map((c) => [c.value, c.path])).toEqual([
    [1, "/exports/a.json"], [4, "/exports/c.json"], [7, "/exports/d.json"]
  ]);
  // the count observed last (the 8th; the 9th has none); the handle of the last file that names one
  expect(got.accounts).toEqual([{handle: "comune", followers: 650, observed: "08", first_seen: "05", last_seen: "09"}]);
  expect(got.authors).toEqual([
    {author_id: "u0", handle: "utente0", followers: 93, observed: "09"},
    {author_id: "u1", handle: "utente1", followers: 81, observed: "08"},
    {author_id: "u2", handle: "utente2", followers: 52, observed: "05"}
  ]);
  // each metric's last value: follows gained from d.json, reach too
  expect(got.daily).toEqual([{day: "2025-05-01", followers: 650, gained: 8, reach: 800, impressions: null, path: "/exports/d.json"}]);
});

test("a file that fails part-way, one with an implausible date and one that breaks the merge are rejected alone", async () => {
  const future = page(6, [[5, "futura", 1]]);
  future.items![0]!.created_at = "2025-06-30T00:00:00.000Z";
  const garbled = page(6, [[6, "data illeggibile", 1]]);
  garbled.items![0]!.created_at = "not a date";
  const bad: TestFile[] = [
    {name: "broken.json", rows: [page(6, [[7, "a metà", 1]])], fail: new Error("record 2: invalid JSON")},
    {name: "future.json", rows: [future]},
    {name: "garbled.json", rows: [garbled]}
  ];
  const mixed = [files[0]!, bad[0]!, files[1]!, bad[1]!, files[2]!, bad[2]!, files[3]!];
  const outcomes = await load(a.path, mixed);
  expect(outcomes["broken.json"]).toBe("Error: record 2: invalid JSON");
  expect(outcomes["future.json"]).toMatch("item p5 has an implausible date 2025-06-30T00:00:00.000Z (more than a day after the export date 2025-05-06T08:00:00.000Z)");
  expect(outcomes["garbled.json"]).toMatch(/not a date/);
  await load(b.path, files, {batchFiles: 1});
  expect(await tables(a.path)).toEqual(await tables(b.path));
});

test("a file too large for the batch loads alone, after the files staged before it", async () => {
  const large: TestFile = {name: "large.json", rows: [page(8, [[5, "grande", 5], [6, "enorme", 6]]), page(8, [[7, "immensa", 7]])]};
  const list = [files[0]!, files[1]!, large, files[2]!];
  // a page of one post is 5 rows, of two 8: a.json fills a chunk alone; b.json is staged when the large file
  // comes, which then fills a chunk with each page
  const outcomes = await load(a.path, list, {chunkRows: 7});
  expect(Object.keys(outcomes)).toEqual(["a.json", "b.json", "large.json", "c.json"]);
  await load(b.path, list, {batchFiles: 1});
  expect(await tables(a.path)).toEqual(await tables(b.path));
});

test("files recorded while a batch merges (duplicates, unknown and corrupt files) keep their order and outcome", async () => {
  const fixtures = "test/fixtures/ingest";
  const paths = [`${fixtures}/corrupt`, `${fixtures}/archive-a`, `${fixtures}/bad-record`, `${fixtures}/archive-b.zip`];
  // a batch of one row: every loaded file starts a merge that runs while the next files are read and recorded
  const ingest = (path: string, options: LoadOptions) =>
    withWarehouse(path, (connection) => ingestPaths(connection, paths, {zone: "Europe/Rome", ...options}));
  const reported: string[] = [];
  const merging = await withWarehouse(a.path, (connection) =>
    ingestPaths(connection, paths, {zone: "Europe/Rome", batchRows: 1, onFile: (result) => void reported.push(result.path)}));
  const whole = await ingest(b.path, {});
  expect(merging).toEqual(whole);
  expect(reported).toEqual(merging.map((result) => result.path));
  expect(merging.map((result) => result.status)).toContain("duplicate");
  expect(merging.map((result) => result.status)).toContain("rejected");
  // file ids differ: a loaded file's id is drawn when its batch merges
  const contents = (path: string) => query(path, `select (select count(*) from items)::integer as items, (select count(*) from item_counts)::integer as counts,
    (select list(path || ' ' || status order by path, status) from source_files) as statuses`);
  expect(await contents(a.path)).toEqual(await contents(b.path));
});

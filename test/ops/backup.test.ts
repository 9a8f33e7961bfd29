import {existsSync, mkdirSync, readdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {beforeEach, expect, test} from "vitest";
import {exportParquet, importParquet, qualified, summarize, tableNames, type BackupManifest} from "../../lib/backup.ts";
import {withWarehouse} from "../../lib/duckdb.ts";
import {ConfigError} from "../../lib/errors.ts";
import {createLogger} from "../../lib/log.ts";
import {runInbox} from "../../lib/run.ts";
import {textAnalysis} from "../../transforms/cli.ts";
import {runTransforms} from "../../transforms/run.ts";
import {ingestInto, query, testWarehouse} from "../helpers/warehouse.ts";
import {ascolto} from "./cli.ts";

const fixtures = [
  "test/fixtures/x/archive", "test/fixtures/ingest/archive-b.zip", "test/fixtures/meta-insights/daily-it.csv",
  "test/fixtures/telegram/channel.json", "test/fixtures/youtube/comment-threads.json", "test/fixtures/whatsapp/WhatsApp Chat - Town Hall.zip"
];

let source: ReturnType<typeof testWarehouse>;
let target: ReturnType<typeof testWarehouse>;
beforeEach(() => {
  source = testWarehouse();
  target = testWarehouse();
});

/** Rows and checksum of every table, computed independently on a warehouse. */
async function fingerprint(path: string) {
  return withWarehouse(path, async (connection) => {
    const out: Record<string, {rows: number; checksum: string}> = {};
    for (const {schema, name} of await tableNames(connection)) {
      if (name === "schema_migrations") continue;
      const columns = (await connection.runAndReadAll("select column_name from duckdb_columns() where table_name = $name and schema_name = $schema order by column_index",
        {name, schema})).getRows().map(([c]) => String(c));
      out[`${schema}.${name}`] = await summarize(connection, qualified(schema, name), columns);
    }
    return out;
  }, {readOnly: true});
}

async function fillSource() {
  await ingestInto(source.path, fixtures);
  const inbox = join(source.dir, "inbox");
  mkdirSync(inbox);
  await runInbox({inbox, warehouse: source.path, configDir: "test/fixtures/ingest/registry", zone: "Europe/Rome", log: createLogger({write: () => {}})});
  const {analyze, version} = textAnalysis("test/fixtures/ingest/registry");
  await withWarehouse(source.path, (connection) =>
    runTransforms(connection, {configDir: "test/fixtures/ingest/registry", analyze, analyzerVersion: version}));
}

test("export writes every table as Parquet partitioned by platform and month; import restores identical counts and checksums", async () => {
  await fillSource();
  const dir = join(source.dir, "backup");
  const manifest = await withWarehouse(source.path, (c) => exportParquet(c, dir), {readOnly: true});
  const names = manifest.tables.map((t) => t.name);
  for (const table of ["items", "item_counts", "authors", "accounts", "account_daily", "source_files", "entities", "meta", "runs", "transform_runs"]) {
    expect(names).toContain(table);
  }
  // marts: tables of a transform build schema, published in main as views; both come back
  expect(manifest.tables.some((t) => t.schema !== "main" && t.name.startsWith("pub_"))).toBe(true);
  expect(manifest.views.map((v) => v.name)).toContain("pub_sentiment");
  expect(manifest.tables.find((t) => t.name === "items")).toMatchObject({partition_by: ["platform", "month"], derived: ["month"]});
  expect(readdirSync(join(dir, "items")).sort()).toEqual(["platform=telegram", "platform=whatsapp", "platform=x", "platform=youtube"]);
  expect(readdirSync(join(dir, "items", "platform=x"))).toContain("month=2025-03");
  expect(existsSync(join(dir, "source_files.parquet"))).toBe(true);

  const imported = await withWarehouse(target.path, (c) => importParquet(c, dir));
  expect(imported.tables.length).toBe(manifest.tables.length);
  const before = await fingerprint(source.path);
  const after = await fingerprint(target.path);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  expect(after).toEqual(before);
  expect((await query(target.path, "select count(*)::integer as n from items"))[0]!.n).toBeGreaterThan(20);
  expect(await query(target.path, "select * from pub_sentiment order by all")).toEqual(await query(source.path, "select * from pub_sentiment order by all"));

  // the restored warehouse goes on: new files get new ids, the pseudonyms keep their key
  const [results] = [await ingestInto(target.path, ["test/fixtures/x/api-v2/search.jsonl"])];
  expect(results[0]!.status).toBe("loaded");
  const ids = await query(target.path, "select max(file_id)::integer as max, count(distinct file_id)::integer as n, count(*)::integer as rows from source_files");
  expect(ids[0]!.n).toBe(ids[0]!.rows);
  expect(await query(target.path, "select value from meta")).toEqual(await query(source.path, "select value from meta"));
});

test("export refuses a folder that is not empty; import refuses a warehouse that is not empty or a folder that is no backup", async () => {
  await ingestInto(source.path, ["test/fixtures/ingest/archive-a"]);
  const dir = join(source.dir, "backup");
  mkdirSync(dir);
  writeFileSync(join(dir, "keep.txt"), "mine");
  await expect(withWarehouse(source.path, (c) => exportParquet(c, dir), {readOnly: true})).rejects.toThrow(`${dir} is not empty: export into a new folder`);
  const fresh = join(source.dir, "fresh");
  await withWarehouse(source.path, (c) => exportParquet(c, fresh), {readOnly: true});
  await expect(withWarehouse(source.path, (c) => importParquet(c, fresh))).rejects.toThrow(ConfigError);
  await expect(withWarehouse(source.path, (c) => importParquet(c, fresh))).rejects.toThrow(/the warehouse is not empty \(\w+ has \d+ rows\)/);
  await expect(withWarehouse(target.path, (c) => importParquet(c, dir))).rejects.toThrow(`${join(dir, "manifest.json")} not found`);
});

test("a tampered manifest cannot smuggle SQL into the import", async () => {
  await ingestInto(source.path, ["test/fixtures/ingest/archive-a"]);
  const dir = join(source.dir, "backup");
  const manifest: BackupManifest = await withWarehouse(source.path, (c) => exportParquet(c, dir), {readOnly: true});
  manifest.tables.push({schema: "main", name: "evil", rows: 0, checksum: "0", partition_by: [], derived: [], columns: [{name: "a", type: "INTEGER); drop table items; --"}]});
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
  await expect(withWarehouse(target.path, (c) => importParquet(c, dir))).rejects.toThrow(/unexpected name or type "INTEGER\); drop table items; --" in table "evil"/);
});

test("export and import on the command line", async () => {
  await ingestInto(source.path, ["test/fixtures/ingest/archive-a"]);
  const dir = join(source.dir, "backup");
  const out = await ascolto(source.path, ["export", "--parquet", dir]);
  expect(out.code).toBe(0);
  expect(out.stderr).toMatch(/exported \d+ tables, \d+ rows, to /);
  const back = await ascolto(target.path, ["import", dir]);
  expect(back.code).toBe(0);
  expect(back.stderr).toMatch(/imported \d+ tables, \d+ rows, into .*; counts and checksums match/);
  expect(await fingerprint(target.path)).toEqual(await fingerprint(source.path));
});

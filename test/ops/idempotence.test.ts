import {cpSync, mkdirSync} from "node:fs";
import {basename, join} from "node:path";
import {beforeEach, expect, test} from "vitest";
import {tableNames} from "../../lib/backup.ts";
import {queryJson, withWarehouse} from "../../lib/duckdb.ts";
import {createLogger} from "../../lib/log.ts";
import {syncRegistry} from "../../lib/registry.ts";
import {runInbox, type RunSteps} from "../../lib/run.ts";
import {textAnalysis} from "../../transforms/cli.ts";
import {runTransforms} from "../../transforms/run.ts";
import {ingestInto, testWarehouse} from "../helpers/warehouse.ts";

const files = [
  "test/fixtures/x/archive", "test/fixtures/ingest/archive-b.zip", "test/fixtures/x/api-v2/search.jsonl",
  "test/fixtures/telegram/channel.json", "test/fixtures/youtube/comment-threads.json", "test/fixtures/meta-insights/daily-it.csv",
  "test/fixtures/whatsapp/WhatsApp Chat - Town Hall.zip", "test/fixtures/mastodon/api/statuses.json"
];
const configDir = "test/fixtures/ingest/registry";

// what depends on the order files came in (ids of source files) or on the warehouse (the pseudonym key);
// authors.followers follows the newest export, whatever the load order (tested below)
const orderColumns: Record<string, string> = {
  items: "source_file_id, last_source_file_id", item_counts: "source_file_id", account_daily: "source_file_id", authors: "pseudonym"
};

let a: ReturnType<typeof testWarehouse>;
let b: ReturnType<typeof testWarehouse>;
beforeEach(() => {
  a = testWarehouse();
  b = testWarehouse();
});

const transform: RunSteps["transform"] = async (connection) => {
  const {analyze, version} = textAnalysis(configDir);
  await runTransforms(connection, {configDir, analyze, analyzerVersion: version});
};

/** Every canonical table and mart, sorted, without what legitimately differs between warehouses. */
async function contents(path: string) {
  return withWarehouse(path, async (connection) => {
    const out: Record<string, unknown[]> = {};
    const names = (await tableNames(connection)).map((t) => t.name);
    const tables = names.filter((t) => ["items", "item_counts", "authors", "accounts", "account_daily"].includes(t) || /^(pub|mart)_/.test(t));
    for (const table of tables) {
      const exclude = orderColumns[table] ? ` exclude (${orderColumns[table]})` : "";
      // marts are read through main's views, whichever build schema holds them
      out[table] = await queryJson(connection, `select *${exclude} from main."${table}" order by all`);
    }
    return out;
  }, {readOnly: true});
}

test("the same inbox twice, and the same files in the reverse order, give identical tables and marts", async () => {
  const inbox = join(a.dir, "inbox");
  mkdirSync(inbox);
  // timestamps kept: a file's mtime is its export date when the export states none
  for (const file of files) cpSync(file, join(inbox, basename(file)), {recursive: true, preserveTimestamps: true});
  const log = createLogger({write: () => {}});
  const first = await runInbox({inbox, warehouse: a.path, configDir, zone: "Europe/Rome", log, steps: {transform}});
  expect(first).toMatchObject({files_rejected: 0, outcome: "ok"});
  const once = await contents(a.path);
  expect(once.items!.length).toBeGreaterThan(30);
  expect(Object.keys(once).some((t) => t.startsWith("pub_"))).toBe(true);
  const second = await runInbox({inbox, warehouse: a.path, configDir, zone: "Europe/Rome", log, steps: {transform}});
  expect(second.outcome).toBe("nothing_new");
  // the same files offered again by hand (duplicates by content), then the marts rebuilt from scratch
  await ingestInto(a.path, files);
  await withWarehouse(a.path, transform!);
  expect(await contents(a.path)).toEqual(once);

  // the same warehouse secret: WhatsApp senders' ids are keyed with it, like every pseudonym
  const secret = "select value from meta where key = 'pseudonym_secret'";
  const [{value}] = await withWarehouse(a.path, (c) => queryJson(c, secret), {readOnly: true}) as [{value: string}];
  await withWarehouse(b.path, (c) => c.run("update meta set value = $value where key = 'pseudonym_secret'", {value}));
  await withWarehouse(b.path, (connection) => syncRegistry(connection, configDir));
  for (const file of [...files].reverse()) await ingestInto(b.path, [file]);
  await withWarehouse(b.path, transform!);
  const reversed = await contents(b.path);
  for (const table of Object.keys(once)) expect(reversed[table], table).toEqual(once[table]);
});

// an archive (5 followers) loaded after a newer API page (5,400) must not take the count back in time
test("authors.followers does not depend on the order files are loaded", async () => {
  const order = ["test/fixtures/x/archive", "test/fixtures/x/api-v2/search.jsonl"];
  for (const file of order) await ingestInto(a.path, [file]);
  for (const file of [...order].reverse()) await ingestInto(b.path, [file]);
  const followers = (path: string) => withWarehouse(path, (c) => queryJson(c, "select author_id, followers from authors order by all"), {readOnly: true});
  expect(await followers(b.path)).toEqual(await followers(a.path));
});

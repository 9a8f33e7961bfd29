import {existsSync, mkdirSync, rmSync} from "node:fs";
import {once} from "node:events";
import {join} from "node:path";
import {setTimeout as sleep} from "node:timers/promises";
import {afterAll, afterEach, beforeAll, expect, test} from "vitest";
import {exitCodes} from "../../lib/exit-codes.ts";
import {lockPath} from "../../lib/lock.ts";
import {ingestInto, query, tempWarehouse} from "../helpers/warehouse.ts";
import {ascolto, spawnAscolto} from "./cli.ts";
import {writeTwarcStream} from "./generate.ts";

// big enough that ingesting it takes seconds (the full-size variant is bench/large-ingest.ts)
const items = 40_000;
const scratch = tempWarehouse();
const inbox = join(scratch.dir, "inbox");
const bigFile = join(inbox, "stream-2025-05.jsonl");

beforeAll(async () => {
  mkdirSync(inbox);
  await writeTwarcStream(bigFile, items);
});
let warehouse: ReturnType<typeof tempWarehouse>;
afterEach(() => warehouse?.cleanup());
afterAll(() => scratch.cleanup());

/** Everything a file's load could have touched. */
async function state(path: string) {
  return {
    counts: await query(path, `select (select count(*) from items)::integer as items, (select count(*) from item_counts)::integer as counts,
      (select count(*) from authors)::integer as authors, (select count(*) from accounts)::integer as accounts`),
    files: await query(path, "select * exclude (ingested_at) from source_files order by file_id")
  };
}

async function untilExists(path: string, timeout = 30_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!existsSync(path)) {
    if (Date.now() > end) throw new Error(`${path} never appeared`);
    await sleep(20);
  }
}

test("SIGKILL in the middle of ingesting a large file leaves the warehouse exactly as before; the next run loads it whole", async () => {
  warehouse = tempWarehouse();
  await ingestInto(warehouse.path, ["test/fixtures/ingest/archive-a"]);
  const before = await state(warehouse.path);
  // why: the merge writes the file's new items to the stage, then inserts them, counts and commits: killed once
  // that file appears, the process dies inside the file's transaction (the stage of the load above goes first)
  const stage = `${warehouse.path}.stage`;
  rmSync(stage, {recursive: true, force: true});
  const child = spawnAscolto(warehouse.path, ["ingest", bigFile]);
  const exited = once(child, "exit");
  await untilExists(join(stage, "0", "new-items.parquet"));
  child.kill("SIGKILL");
  const [code, signal] = await exited;
  expect([code, signal]).toEqual([null, "SIGKILL"]);
  expect(existsSync(lockPath(warehouse.path))).toBe(true); // stale: its process is gone

  expect(await state(warehouse.path)).toEqual(before);

  const next = await ascolto(warehouse.path, ["run", "--inbox", inbox, "--no-transform", "--no-build"]);
  expect(next.code, next.stderr).toBe(exitCodes.ok);
  const after = await state(warehouse.path);
  expect(after.counts[0]!.items).toBe(before.counts[0]!.items as number + items);
  expect(after.files.slice(0, before.files.length)).toEqual(before.files);
  expect(after.files.at(-1)).toMatchObject({path: bigFile, status: "loaded", rows_json: expect.stringContaining(`"items":${items}`)});
  expect(existsSync(lockPath(warehouse.path))).toBe(false);
});

test("a second run started while one is in progress exits 4 at once and leaves the first undisturbed", async () => {
  warehouse = tempWarehouse();
  const first = spawnAscolto(warehouse.path, ["run", "--inbox", inbox, "--no-transform", "--no-build"]);
  const exited = once(first, "exit");
  await untilExists(lockPath(warehouse.path));
  const started = Date.now();
  const second = await ascolto(warehouse.path, ["run", "--inbox", inbox, "--no-transform", "--no-build"]);
  expect(second.code).toBe(exitCodes.locked);
  expect(second.stderr).toMatch(new RegExp(`another ascolto run holds the warehouse since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z \\(pid ${first.pid}\\)`));
  expect(Date.now() - started).toBeLessThan(8000);
  expect(first.exitCode).toBeNull();
  const [code] = await exited;
  expect(code).toBe(0);
  expect(await query(warehouse.path, "select outcome, files_loaded from runs")).toEqual([{outcome: "ok", files_loaded: 1}]);
  expect((await query(warehouse.path, "select count(*)::integer as n from items"))[0]!.n).toBe(items);
});

import {execFile} from "node:child_process";
import {promisify} from "node:util";
import {afterEach, beforeEach, expect, test} from "vitest";
import {tempWarehouse} from "../helpers/warehouse.ts";

const run = promisify(execFile);
let warehouse: ReturnType<typeof tempWarehouse>;
beforeEach(() => {
  warehouse = tempWarehouse();
});
afterEach(() => warehouse.cleanup());

/** Runs the CLI as users do, returning stdout and the exit code. */
async function ascolto(...args: string[]): Promise<{stdout: string; code: number}> {
  try {
    const {stdout} = await run("node", ["bin/ascolto.js", "--warehouse", warehouse.path, "--config", "test/fixtures/ingest/registry", ...args]);
    return {stdout, code: 0};
  } catch (error) {
    const failed = error as {stdout: string; code: number};
    return {stdout: failed.stdout, code: failed.code};
  }
}

test("--help lists the verbs", async () => {
  const {stdout} = await ascolto("--help");
  for (const verb of ["ingest", "status", "query"]) expect(stdout).toContain(verb);
});

test("ingest --json reports every file and exits non-zero when one was rejected", async () => {
  const {stdout, code} = await ascolto("ingest", "--json", "test/fixtures/ingest/archive-a", "test/fixtures/ingest/corrupt/data/tweets.js");
  expect(code).toBe(2);
  const report = JSON.parse(stdout) as Array<{path: string; status: string; rows: Record<string, number>}>;
  expect(report.map((r) => r.status)).toEqual(["loaded", "ignored", "loaded", "rejected"]);
  expect(report[2]!.rows).toEqual({authors: 1, accounts: 1, items: 2, counts: 6});
});

test("ingest prints one line per file and exits 0 when all loaded; status and query read the result", async () => {
  const ingest = await ascolto("ingest", "test/fixtures/ingest/archive-a");
  expect(ingest.code).toBe(0);
  expect(ingest.stdout).toContain("loaded    x-archive              test/fixtures/ingest/archive-a/data/tweets.js authors 1, accounts 1, items 2, counts 6; 1 skipped: repeated item id in the file (last kept)");
  expect(ingest.stdout).toContain("3 files: 2 loaded, 0 already loaded, 0 rejected, 1 not export data");
  const status = JSON.parse((await ascolto("status", "--json")).stdout);
  expect(status.tables).toContainEqual({platform: "x", table: "items", rows: 2, first_at: "2025-03-03 07:30:00+00", last_at: "2025-03-05 16:45:10+00"});
  const rows = JSON.parse((await ascolto("query", "--json", "select item_id from items order by 1")).stdout);
  expect(rows).toEqual([{item_id: "1890000000000000001"}, {item_id: "1890000000000000002"}]);
  const write = await ascolto("query", "delete from items");
  expect(write.code).not.toBe(0);
});

import {cpSync, mkdirSync, renameSync, utimesSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterEach, beforeEach, expect, test} from "vitest";
import {withWarehouse} from "../../lib/duckdb.ts";
import {createLogger} from "../../lib/log.ts";
import {runInbox, type RunSteps} from "../../lib/run.ts";
import {freshness, lastRuns} from "../../lib/status.ts";
import {query, tempWarehouse} from "../helpers/warehouse.ts";
import {ascolto, jsonLines} from "./cli.ts";

let warehouse: ReturnType<typeof tempWarehouse>;
let inbox: string;
let calls: string[];
let lines: string[];
beforeEach(() => {
  warehouse = tempWarehouse();
  inbox = join(warehouse.dir, "inbox");
  mkdirSync(inbox);
  calls = [];
  lines = [];
});
afterEach(() => warehouse.cleanup());

const steps: RunSteps = {
  transform: async (connection) => {
    calls.push("transform");
    await connection.run("create or replace table pub_fake as select platform, count(*)::integer as items from items group by all");
  },
  build: async (site) => void calls.push(`build ${site}`)
};

function run(options: {internal?: boolean; retryRejected?: boolean; steps?: RunSteps} = {}) {
  return runInbox({
    inbox, warehouse: warehouse.path, configDir: "test/fixtures/ingest/registry", zone: "Europe/Rome",
    log: createLogger({write: (line) => lines.push(line), timestamps: false}), steps, ...options
  });
}

test("a run ingests the inbox, transforms, builds both sites and records itself; the next finds nothing new", async () => {
  cpSync("test/fixtures/ingest/archive-a", join(inbox, "archive-a"), {recursive: true});
  cpSync("test/fixtures/ingest/archive-b.zip", join(inbox, "archive-b.zip"));
  const first = await run({internal: true});
  expect(first).toMatchObject({
    run_id: 1, outcome: "ok", exit_code: 0, files_seen: 4, files_loaded: 3, files_skipped: 1, files_rejected: 0, rejected: [],
    rows: {items: 3, item_counts: 8, authors: 1, accounts: 1, account_daily: 0}
  });
  expect(first.transform_seconds).toBeGreaterThan(0);
  expect(first.build_seconds).toBeGreaterThanOrEqual(0);
  expect(calls).toEqual(["transform", "build public", "build internal"]);
  expect(lines).toContain(`loaded x-archive ${inbox}/archive-a/data/tweets.js authors 1, accounts 1, items 2, counts 6`);

  calls = [];
  lines = [];
  const started = Date.now();
  const second = await run({internal: true});
  expect(second).toMatchObject({run_id: 2, outcome: "nothing_new", exit_code: 0, files_seen: 4, files_loaded: 0, files_skipped: 4, rows: {}});
  expect(calls).toEqual([]);
  expect(lines[0]).toBe(`nothing new in ${inbox} (4 files, all seen before)`);
  expect(Date.now() - started).toBeLessThan(3000);

  const runs = await query(warehouse.path, "select run_id, outcome, files_seen, files_loaded, files_rejected, rows_json, exit_code, finished_at is not null as finished from runs order by 1");
  expect(runs).toEqual([
    {run_id: 1, outcome: "ok", files_seen: 4, files_loaded: 3, files_rejected: 0, rows_json: JSON.stringify(first.rows), exit_code: 0, finished: true},
    {run_id: 2, outcome: "nothing_new", files_seen: 4, files_loaded: 0, files_rejected: 0, rows_json: "{}", exit_code: 0, finished: true}
  ]);
});

test("a file already ingested is skipped by content whatever its name, even one loaded by `ingest`", async () => {
  cpSync("test/fixtures/ingest/archive-b.zip", join(inbox, "archive-b.zip"));
  expect((await run()).files_loaded).toBe(1);
  renameSync(join(inbox, "archive-b.zip"), join(inbox, "twitter-2025-04-10.zip"));
  expect(await run()).toMatchObject({outcome: "nothing_new", files_skipped: 1});
  writeFileSync(join(inbox, "copia.js"), "x");
  cpSync("test/fixtures/ingest/archive-a/data/tweets.js", join(inbox, "copia.js"));
  await withWarehouse(warehouse.path, async (connection) => {
    const {ingestPaths} = await import("../../ingest/ingest.ts");
    await ingestPaths(connection, ["test/fixtures/ingest/archive-a/data/tweets.js"], {zone: "Europe/Rome"});
  });
  expect(await run()).toMatchObject({outcome: "nothing_new", files_seen: 2, files_skipped: 2});
});

test("a rejected file gives exit 2 with its reason, is recorded, and is passed over by later runs unless asked", async () => {
  cpSync("test/fixtures/ingest/corrupt/data/tweets.js", join(inbox, "tweets.js"));
  const first = await run();
  expect(first).toMatchObject({outcome: "rejected_files", exit_code: 2, files_rejected: 1, files_loaded: 0,
    rejected: [{path: join(inbox, "tweets.js"), reason: expect.stringMatching(/^record \d+: invalid JSON/)}]});
  expect(calls).toEqual([]);
  const stored = await query(warehouse.path, "select rejected_json from runs");
  expect(JSON.parse(String(stored[0]!.rejected_json))).toEqual(first.rejected);
  lines = [];
  expect(await run()).toMatchObject({outcome: "nothing_new", exit_code: 0, files_skipped: 1});
  expect(lines[0]).toBe(`warn: ${join(inbox, "tweets.js")} was rejected by an earlier run and is passed over (fix it, remove it, or use --retry-rejected)`);
  expect(await run({retryRejected: true})).toMatchObject({outcome: "rejected_files", exit_code: 2, files_rejected: 1});
});

test("a failed build fails the run (exit 1, site left as it was) and the next run publishes even with nothing new", async () => {
  cpSync("test/fixtures/ingest/archive-a", join(inbox, "archive-a"), {recursive: true});
  const broken: RunSteps = {...steps, build: async () => { throw new Error("observable build exited with 1"); }};
  expect(await run({steps: broken})).toMatchObject({outcome: "failed", exit_code: 1, error: "observable build exited with 1", files_loaded: 2});
  calls = [];
  expect(await run()).toMatchObject({outcome: "ok", exit_code: 0, files_loaded: 0});
  expect(calls).toEqual(["transform", "build public"]);
  calls = [];
  expect(await run()).toMatchObject({outcome: "nothing_new"});
  expect(calls).toEqual([]);
});

test("a run killed midway is marked interrupted and its data published by the next run", async () => {
  cpSync("test/fixtures/ingest/archive-a", join(inbox, "archive-a"), {recursive: true});
  await run({steps: {}});
  await withWarehouse(warehouse.path, (c) => c.run("update runs set outcome = 'running', finished_at = null"));
  expect(await run()).toMatchObject({outcome: "ok", files_loaded: 0});
  expect(calls).toEqual(["transform", "build public"]);
  expect((await query(warehouse.path, "select outcome from runs order by run_id")).map((r) => r.outcome)).toEqual(["interrupted", "ok"]);
});

test("status lists the last runs and the freshness per platform and entity", async () => {
  cpSync("test/fixtures/ingest/archive-a", join(inbox, "archive-a"), {recursive: true});
  await run();
  await run();
  const [runs, fresh] = await withWarehouse(warehouse.path, async (c) => [await lastRuns(c), await freshness(c)], {readOnly: true});
  expect(runs.map((r) => [r.run_id, r.outcome, r.loaded])).toEqual([[2, "nothing_new", 0], [1, "ok", 2]]);
  expect(fresh).toEqual([
    {platform: "x", entity: "(all)", newest_item_at: "2025-03-05 16:45:10+00", newest_export_at: "2025-03-10 09:00:00+00", export_age_days: expect.any(Number)},
    {platform: "x", entity: "esempio", newest_item_at: "2025-03-05 16:45:10+00", newest_export_at: "2025-03-10 09:00:00+00", export_age_days: expect.any(Number)}
  ]);
});

test("`run` on the command line: JSON lines for schedulers, partial files ignored, the record on stdout", async () => {
  cpSync("test/fixtures/ingest/archive-a", join(inbox, "archive-a"), {recursive: true});
  writeFileSync(join(inbox, "upload.zip.part"), "half a zip");
  writeFileSync(join(inbox, ".hidden.js"), "window.YTD.tweets.part0 = [");
  const result = await ascolto(warehouse.path, ["--log-format", "json", "run", "--inbox", inbox, "--no-transform", "--no-build", "--json"]);
  expect(result.code).toBe(0);
  const events = jsonLines(result.stderr);
  expect(events.every((e) => typeof e.time === "string" && e.level && e.msg)).toBe(true);
  expect(events.filter((e) => e.event === "file").map((e) => [e.status, e.path])).toEqual([
    ["loaded", `${inbox}/archive-a/data/account.js`], ["loaded", `${inbox}/archive-a/data/tweets.js`]]);
  expect(events.at(-1)).toMatchObject({event: "run", outcome: "ok", files_seen: 3, files_loaded: 2, exit_code: 0});
  expect(JSON.parse(result.stdout)).toMatchObject({outcome: "ok", files_loaded: 2});
  utimesSync(join(inbox, "archive-a", "data", "tweets.js"), new Date(), new Date());
  const again = await ascolto(warehouse.path, ["run", "--inbox", inbox, "--no-transform", "--no-build"]);
  expect(again.code).toBe(0);
  expect(again.stderr).toMatch(/nothing new in .*inbox \(3 files, all seen before\)/);
});

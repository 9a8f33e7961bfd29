import {spawn, type ChildProcess} from "node:child_process";
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {hostname} from "node:os";
import {afterEach, beforeEach, expect, test} from "vitest";
import {exitCodes} from "../../lib/exit-codes.ts";
import {acquireLock, LockError, lockPath, withLock} from "../../lib/lock.ts";
import {query, tempWarehouse} from "../helpers/warehouse.ts";
import {ascolto, jsonLines} from "./cli.ts";

let warehouse: ReturnType<typeof tempWarehouse>;
let sleeper: ChildProcess | null = null;
beforeEach(() => {
  warehouse = tempWarehouse();
});
afterEach(() => {
  sleeper?.kill("SIGKILL");
  sleeper = null;
  warehouse.cleanup();
});

/** A live process that is not this one, to hold a lock "from elsewhere". */
function liveProcess(): number {
  sleeper = spawn("node", ["-e", "setTimeout(() => {}, 60000)"], {stdio: "ignore"});
  return sleeper.pid!;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn("node", ["-e", ""], {stdio: "ignore"});
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

function holdLock(pid: number, verb = "run", started = "2025-06-30T02:00:01.000Z") {
  writeFileSync(lockPath(warehouse.path), JSON.stringify({pid, host: hostname(), verb, started_at: started}));
}

test("the lock file holds pid and start time, is re-entrant in one process and goes on release", async () => {
  const lock = acquireLock(warehouse.path, {verb: "ingest", now: new Date("2025-07-01T00:00:00Z")});
  expect(JSON.parse(readFileSync(`${warehouse.path}.lock`, "utf8"))).toEqual(
    {pid: process.pid, host: hostname(), verb: "ingest", started_at: "2025-07-01T00:00:00.000Z"});
  await withLock(warehouse.path, "transform", async () => expect(existsSync(lock.path)).toBe(true));
  expect(existsSync(lock.path)).toBe(true);
  lock.release();
  expect(existsSync(lock.path)).toBe(false);
});

test("a lock held by a live process refuses with its pid and start time, and exit code 4", () => {
  const pid = liveProcess();
  holdLock(pid);
  let error: unknown;
  try {
    acquireLock(warehouse.path);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(LockError);
  expect((error as LockError).message).toBe(`another ascolto run holds the warehouse since 2025-06-30T02:00:01.000Z (pid ${pid}); ` +
    `nothing was done. If that process is gone, delete ${warehouse.path}.lock`);
  expect((error as LockError).exitCode).toBe(exitCodes.locked);
  expect(JSON.parse(readFileSync(lockPath(warehouse.path), "utf8")).pid).toBe(pid);
});

test("a stale lock (its process is gone) is taken over; a lock from another machine is not", async () => {
  holdLock(await deadPid());
  const lock = acquireLock(warehouse.path);
  expect(JSON.parse(readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
  lock.release();
  writeFileSync(lockPath(warehouse.path), JSON.stringify({pid: 1, host: "other-host", verb: "run", started_at: "2025-06-30T02:00:01.000Z"}));
  expect(() => acquireLock(warehouse.path)).toThrow("another ascolto run holds the warehouse since 2025-06-30T02:00:01.000Z (pid 1 on other-host)");
});

test("ingest, transform, build, run and import exit 4 at once while another process holds the warehouse; status still reads", async () => {
  expect((await ascolto(warehouse.path, ["ingest", "test/fixtures/ingest/archive-a"])).code).toBe(0);
  const before = await query(warehouse.path, "select count(*)::integer as n from source_files");
  const pid = liveProcess();
  holdLock(pid, "run");
  // `build` is registered by the site's module: checked once it is there
  const help = (await ascolto(warehouse.path, ["--help"])).stdout;
  const verbs = [["ingest", "test/fixtures/ingest/archive-b"], ["transform"], ["build"], ["run", "--inbox", "test/fixtures/ingest"], ["import", "/nonexistent"]]
    .filter(([verb]) => new RegExp(`^  ${verb}\\b`, "m").test(help));
  expect(verbs.length).toBeGreaterThanOrEqual(4);
  for (const args of verbs) {
    const started = Date.now();
    const result = await ascolto(warehouse.path, args);
    expect(result.code, args.join(" ")).toBe(exitCodes.locked);
    expect(result.stderr).toContain(`ascolto: another ascolto run holds the warehouse since 2025-06-30T02:00:01.000Z (pid ${pid})`);
    expect(Date.now() - started).toBeLessThan(10_000);
  }
  expect(await query(warehouse.path, "select count(*)::integer as n from source_files")).toEqual(before);
  expect(JSON.parse(readFileSync(lockPath(warehouse.path), "utf8")).pid).toBe(pid);
  expect((await ascolto(warehouse.path, ["status", "--json"])).code).toBe(0);
  const json = await ascolto(warehouse.path, ["--log-format", "json", "ingest", "test/fixtures/ingest/archive-b"]);
  expect(jsonLines(json.stderr)).toEqual([expect.objectContaining({level: "error", event: "error", exit_code: 4,
    msg: expect.stringContaining(`(pid ${pid})`)})]);
});

test("a verb that ends, well or badly, leaves no lock behind", async () => {
  expect((await ascolto(warehouse.path, ["ingest", "test/fixtures/ingest/archive-a"])).code).toBe(0);
  expect(existsSync(lockPath(warehouse.path))).toBe(false);
  expect((await ascolto(warehouse.path, ["ingest", "test/fixtures/ingest/corrupt/data/tweets.js"])).code).toBe(2);
  expect(existsSync(lockPath(warehouse.path))).toBe(false);
  expect((await ascolto(warehouse.path, ["import", "/nonexistent-backup"])).code).toBe(exitCodes.config);
  expect(existsSync(lockPath(warehouse.path))).toBe(false);
});

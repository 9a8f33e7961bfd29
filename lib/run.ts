import {createHash} from "node:crypto";
import {createReadStream, readdirSync, statSync} from "node:fs";
import {join, resolve} from "node:path";
import {performance} from "node:perf_hooks";
import type {DuckDBConnection} from "@duckdb/node-api";
import {ingestPaths, type FileResult} from "../ingest/ingest.ts";
import {withWarehouse} from "./duckdb.ts";
import {exitCodes, type ExitCode} from "./exit-codes.ts";
import type {Logger} from "./log.ts";
import {syncRegistry} from "./registry.ts";

/** The stages a run composes; each is optional (`--no-transform`, `--no-build`) and injectable in tests. */
export interface RunSteps {
  /** Builds the marts, on the run's open connection. */
  transform?: (connection: DuckDBConnection) => Promise<unknown>;
  /** Builds one site, with the warehouse closed (the site's loaders open it read-only). */
  build?: (site: "public" | "internal") => Promise<unknown>;
}

export interface RunOptions {
  inbox: string;
  warehouse: string;
  configDir: string;
  zone: string;
  log: Logger;
  steps?: RunSteps;
  internal?: boolean;
  /** Offer again the files an earlier run rejected (after an upgrade that reads them). */
  retryRejected?: boolean;
}

export type Outcome = "nothing_new" | "ok" | "rejected_files" | "failed";

/** What a run did, as stored in the `runs` table. */
export interface RunRecord {
  run_id: number;
  started_at: string;
  finished_at: string;
  inbox: string;
  files_seen: number;
  files_loaded: number;
  files_skipped: number;
  files_rejected: number;
  rejected: Array<{path: string; reason: string}>;
  rows: Record<string, number>;
  ingest_seconds: number;
  transform_seconds: number | null;
  build_seconds: number | null;
  outcome: Outcome;
  error: string | null;
  exit_code: ExitCode;
}

interface InboxFile {
  path: string;
  /** The inbox entry it belongs to: a folder export is ingested whole, so its files see their siblings. */
  top: string;
  bytes: number;
  mtime: Date;
  sha256: string;
}

const canonicalTables = ["items", "item_counts", "authors", "accounts", "account_daily"];
// files still being copied in by an uploader (rsync, browsers, scp with a temporary name)
const partialFile = /^\.|\.(tmp|part|partial|crdownload)$/i;

/**
 * One scheduled run: ingests the inbox's new files, builds the marts and the sites when anything new
 * loaded (or an earlier run left them unpublished), and records what happened in `runs`.
 */
export async function runInbox(options: RunOptions): Promise<RunRecord> {
  const {log, steps = {}} = options;
  const started = new Date();
  const record: RunRecord = {
    run_id: 0, started_at: started.toISOString(), finished_at: "", inbox: resolve(options.inbox),
    files_seen: 0, files_loaded: 0, files_skipped: 0, files_rejected: 0, rejected: [], rows: {},
    ingest_seconds: 0, transform_seconds: null, build_seconds: null, outcome: "nothing_new", error: null, exit_code: exitCodes.ok
  };
  const files = listInbox(record.inbox);
  record.files_seen = files.length;
  let needsPublish = false;
  let published = false;
  try {
    await withWarehouse(options.warehouse, async (connection) => {
      record.run_id = await startRun(connection, record);
      const carried = await unpublished(connection, record.run_id);
      const t0 = performance.now();
      await ingestNew(connection, files, record, options);
      record.ingest_seconds = (performance.now() - t0) / 1000;
      needsPublish = record.files_loaded > 0 || carried;
      if (!needsPublish) return;
      if (carried && !record.files_loaded) log.info("publishing what an earlier run loaded but did not publish", {event: "carried"});
      if (steps.transform) record.transform_seconds = await timed(log, "transform", () => steps.transform!(connection));
    });
    if (needsPublish && steps.build) {
      const sites = options.internal ? (["public", "internal"] as const) : (["public"] as const);
      record.build_seconds = 0;
      for (const site of sites) record.build_seconds += await timed(log, `build ${site} site`, () => steps.build!(site));
    }
    published = needsPublish;
    record.outcome = record.files_rejected ? "rejected_files" : needsPublish ? "ok" : "nothing_new";
  } catch (error) {
    record.outcome = "failed";
    record.error = (error as Error).message;
    log.error(`run failed: ${record.error}`, {event: "failed", error: record.error});
  }
  record.exit_code = record.outcome === "failed" ? exitCodes.internal : record.files_rejected ? exitCodes.rejected : exitCodes.ok;
  record.finished_at = new Date().toISOString();
  if (record.run_id) await withWarehouse(options.warehouse, (connection) => finishRun(connection, record, needsPublish && !published));
  return record;
}

/** Every file under the inbox (sorted, hidden and partial files left out), hashed. */
function listInbox(inbox: string): InboxFile[] {
  const out: InboxFile[] = [];
  const walk = (dir: string, top: string | null) => {
    for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
      if (partialFile.test(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, top ?? path);
      else if (entry.isFile()) {
        const stat = statSync(path);
        out.push({path, top: top ?? path, bytes: stat.size, mtime: stat.mtime, sha256: ""});
      }
    }
  };
  walk(inbox, null);
  return out;
}

async function ingestNew(connection: DuckDBConnection, files: InboxFile[], record: RunRecord, options: RunOptions) {
  const {log} = options;
  await syncRegistry(connection, options.configDir);
  const seen = await seenFiles(connection);
  for (const file of files) file.sha256 = seen.fingerprints.get(fingerprint(file)) ?? (await sha256(file.path));
  const isNew = (file: InboxFile) => {
    const before = seen.bySha.get(file.sha256);
    return !before || (before === "rejected" && options.retryRejected === true);
  };
  const tops = [...new Set(files.filter(isNew).map((file) => file.top))];
  record.files_skipped = files.filter((file) => !isNew(file)).length;
  const stillRejected = files.filter((file) => !isNew(file) && seen.bySha.get(file.sha256) === "rejected");
  for (const file of stillRejected) {
    log.warn(`${file.path} was rejected by an earlier run and is passed over (fix it, remove it, or use --retry-rejected)`,
      {event: "rejected_before", path: file.path});
  }
  if (!tops.length) {
    log.info(`nothing new in ${record.inbox} (${files.length} files, all seen before)`, {event: "nothing_new", files: files.length});
    return;
  }
  const before = await tableCounts(connection);
  const results = await ingestPaths(connection, tops, {
    zone: options.zone,
    onFile: (result) => {
      if (result.status === "ignored") return;
      const fields = {event: "file", ...result};
      if (result.status === "rejected") log.warn(`rejected ${result.error}`, fields);
      else log.info(`${result.status} ${result.format ?? ""} ${result.path} ${rowsText(result)}`.trim(), fields);
    }
  });
  const after = await tableCounts(connection);
  record.rows = Object.fromEntries(canonicalTables.map((table) => [table, (after[table] ?? 0) - (before[table] ?? 0)]));
  for (const file of files.filter((f) => tops.includes(f.top) && isNew(f))) {
    const own = results.filter((r) => r.path === file.path || r.path.startsWith(`${file.path}!`));
    const status = own.some((r) => r.status === "rejected") ? "rejected" : own.some((r) => r.status === "loaded") ? "loaded"
      : own.some((r) => r.status === "duplicate") ? "duplicate" : "ignored";
    const reason = own.filter((r) => r.status === "rejected").map((r) => withoutPath(r.error ?? "", file.path)).join("; ") || null;
    if (status === "loaded") record.files_loaded++;
    if (status === "duplicate" || status === "ignored") record.files_skipped++;
    if (status === "rejected") {
      record.files_rejected++;
      record.rejected.push({path: file.path, reason: reason ?? "rejected"});
    }
    await connection.run(`insert into inbox_files values ($run_id, $path, $sha, $bytes, $mtime::timestamptz, $status, $reason)`,
      {run_id: record.run_id, path: file.path, sha: file.sha256, bytes: file.bytes, mtime: file.mtime.toISOString(), status, reason} as never);
  }
  log.info(`${record.files_seen} files: ${record.files_loaded} loaded, ${record.files_skipped} skipped (seen before or holding no data), ` +
    `${record.files_rejected} rejected; rows added: ${Object.entries(record.rows).map(([t, n]) => `${t} ${n}`).join(", ")}`,
  {event: "ingested", files_loaded: record.files_loaded, files_skipped: record.files_skipped, files_rejected: record.files_rejected, rows: record.rows});
}

/** Content already dealt with: by inbox history and by any file `ascolto ingest` loaded. */
async function seenFiles(connection: DuckDBConnection) {
  const rows = (await connection.runAndReadAll(`
    select path, sha256, bytes, mtime::varchar, status from inbox_files
    qualify row_number() over (partition by sha256 order by run_id desc) = 1
    union all
    select null, sha256, null, null, 'loaded' from source_files where status = 'loaded' and sha256 is not null`)).getRows();
  const bySha = new Map<string, string>();
  const fingerprints = new Map<string, string>();
  for (const [path, sha, bytes, mtime, status] of rows) {
    if (!bySha.has(String(sha)) || status === "loaded") bySha.set(String(sha), String(status));
    if (path !== null) fingerprints.set(`${path}\0${bytes}\0${Date.parse(String(mtime))}`, String(sha));
  }
  return {bySha, fingerprints};
}

// An unchanged path, size and modification time is taken as unchanged content, as make and rsync do.
function fingerprint(file: InboxFile): string {
  return `${file.path}\0${file.bytes}\0${file.mtime.getTime()}`;
}

async function sha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function tableCounts(connection: DuckDBConnection): Promise<Record<string, number>> {
  const sql = canonicalTables.map((table) => `select '${table}', count(*)::integer from ${table}`).join(" union all ");
  return Object.fromEntries((await connection.runAndReadAll(sql)).getRows().map(([table, n]) => [String(table), Number(n)]));
}

async function timed(log: Logger, step: string, fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  log.info(`${step}…`, {event: "step", step});
  await fn();
  const seconds = (performance.now() - t0) / 1000;
  log.info(`${step} done in ${seconds.toFixed(1)} s`, {event: "step_done", step, seconds});
  return seconds;
}

// "/in/a.zip!data/x.js, record 3: reason" → "a.zip!data/x.js, record 3: reason" (the path is said once)
function withoutPath(error: string, path: string): string {
  return error.startsWith(path) ? error.slice(path.length).replace(/^[:,]\s*/, "").replace(/^!/, "") || error : error;
}

function rowsText(result: FileResult): string {
  return Object.entries(result.rows).map(([table, n]) => `${table} ${n}`).join(", ");
}

async function startRun(connection: DuckDBConnection, record: RunRecord): Promise<number> {
  // a run still 'running' while we hold the lock was killed
  await connection.run("update runs set outcome = 'interrupted' where outcome = 'running'");
  const reader = await connection.runAndReadAll(`
    insert into runs (run_id, started_at, inbox, files_seen, outcome)
    values ((select coalesce(max(run_id), 0) + 1 from runs), $started::timestamptz, $inbox, $seen, 'running')
    returning run_id`, {started: record.started_at, inbox: record.inbox, seen: record.files_seen});
  return Number(reader.getRows()[0]![0]);
}

/** Whether the latest earlier run loaded data it did not get to publish (a failed build, a kill). */
async function unpublished(connection: DuckDBConnection, runId: number): Promise<boolean> {
  const reader = await connection.runAndReadAll(`
    select outcome = 'interrupted' or publish_pending from runs where run_id < $run_id order by run_id desc limit 1`, {run_id: runId});
  return reader.getRows()[0]?.[0] === true;
}

async function finishRun(connection: DuckDBConnection, record: RunRecord, pending: boolean): Promise<void> {
  await connection.run(`
    update runs set finished_at = $finished::timestamptz, files_loaded = $loaded, files_skipped = $skipped,
      files_rejected = $rejected, rejected_json = $rejected_json, rows_json = $rows_json, ingest_seconds = $ingest,
      transform_seconds = $transform, build_seconds = $build, outcome = $outcome, error = $error, exit_code = $code,
      publish_pending = $pending
    where run_id = $run_id`, {
    finished: record.finished_at, loaded: record.files_loaded, skipped: record.files_skipped, rejected: record.files_rejected,
    rejected_json: JSON.stringify(record.rejected), rows_json: JSON.stringify(record.rows), ingest: record.ingest_seconds,
    transform: record.transform_seconds, build: record.build_seconds, outcome: record.outcome, error: record.error,
    code: record.exit_code, pending, run_id: record.run_id
  } as never);
}

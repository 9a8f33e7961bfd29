import type {DuckDBAppender, DuckDBConnection} from "@duckdb/node-api";
import {readSql, runScript, withTransaction} from "../lib/duckdb.ts";
import {ParseError} from "../lib/errors.ts";
import type {Rows} from "./canonical.ts";

const sql = (name: string) => readSql(new URL(`./sql/${name}.sql`, import.meta.url));
const stageSql = sql("stage");
/** Each merge with the staging table it reads: a chunk that staged nothing there skips it. Items go apart (mergeItems). */
const mergeSql = ([["accounts", "merge-accounts"], ["authors", "merge-authors"], ["items", null], ["counts", "merge-counts"],
  ["account_daily", "merge-account-daily"], ["accounts|authors", "link-registry"]] as const)
  .map(([tables, name]) => ({tables: tables.split("|"), sql: name && sql(name)}));
const itemSql = {
  findSeen: sql("find-seen-items"), insertNew: sql("insert-new-items"), updateSeen: sql("update-seen-items"),
  updateChanged: sql("update-changed-items"), updateRepeatedRaw: sql("update-repeated-raw"), dropRepeatedCounts: sql("drop-repeated-counts")
};
/** Connections whose temp staging tables exist: created once, not re-planned for every file. */
const staged = new WeakSet<DuckDBConnection>();

/**
 * Rows staged before a merge. A file is merged chunk by chunk inside its one transaction, so DuckDB's
 * memory follows the chunk, not the file (docs/operations.md, "Large files"); most files fit in one.
 */
export const defaultChunkRows = 250_000;
export const repeatedRule = "repeated item id in the file (last kept)";

export interface LoadReport {
  file_id: number;
  rows: Record<string, number>;
  skipped: Record<string, number>;
}

export interface FileRecord {
  path: string;
  sha256: string | null;
  bytes: number;
  format: string | null;
  mtime: Date | null;
}

type Cell = string | number | null;
type Table = keyof typeof stageColumns;

/** Column order of each staging table (after `seq`), with how each canonical field is appended. */
const stageColumns = {
  items: ["platform", "item_id", "account_id", "author_id", "created_at", "text", "lang_hint", "kind", "parent_id", "root_id", "url", "hashtags", "mentions", "media_count", "raw"],
  counts: ["platform", "item_id", "metric", "metric_source", "value"],
  authors: ["platform", "author_id", "handle", "name", "followers"],
  accounts: ["platform", "account_id", "handle", "display_name", "followers"],
  account_daily: ["platform", "account_id", "day", "followers", "follows_gained", "follows_lost", "impressions", "reach", "profile_visits", "engagements"]
} as const;

const integerColumns = new Set(["media_count"]);
const bigintColumns = new Set(["followers", "follows_gained", "follows_lost", "impressions", "reach", "profile_visits", "engagements"]);

/**
 * Loads one file's rows in one transaction: staged with the appender and merged into the canonical tables
 * every `chunkRows` rows. Any error rolls the whole file back. The file's source_files row is written
 * before its first merge (the items point at it) and its report completed at the end.
 */
/** Creates the connection's temp staging tables, once. */
export async function ensureStage(connection: DuckDBConnection): Promise<void> {
  if (staged.has(connection)) return;
  await connection.run(stageSql);
  staged.add(connection);
}

export async function loadFile(
  connection: DuckDBConnection, file: FileRecord, batches: AsyncIterable<Rows>, {chunkRows = defaultChunkRows}: {chunkRows?: number} = {}
): Promise<LoadReport> {
  await ensureStage(connection);
  return withTransaction(connection, async () => {
    const appenders = new Map<Table, DuckDBAppender>();
    const rows: Record<string, number> = {};
    const skipped: Record<string, number> = {};
    let chunk: Partial<Record<Table, number>> = {};
    let chunkSize = 0;
    let exportedAt: string | null = null;
    let fileId: number | null = null;
    let recorded = "";
    let seq = 0;
    const exportDate = () => exportedAt ?? (file.mtime ?? new Date()).toISOString();

    const merge = async () => {
      for (const appender of appenders.values()) appender.closeSync();
      appenders.clear();
      if (chunk.items) await checkDates(connection, file.path, exportedAt ?? new Date().toISOString());
      const exported_at = exportDate();
      if (fileId === null) {
        fileId = await recordFile(connection, file, "loaded", {rows, skipped, exported_at});
        recorded = JSON.stringify([rows, skipped, exported_at]);
      }
      for (const {tables, sql} of mergeSql) {
        if (!tables.some((table) => chunk[table as Table])) continue;
        if (sql === null) {
          const repeated = await mergeItems(connection, chunk.items!, fileId, exported_at);
          if (repeated) {
            skipped[repeatedRule] = (skipped[repeatedRule] ?? 0) + repeated;
            rows.items! -= repeated;
          }
          continue;
        }
        await runScript(connection, sql, {file_id: fileId, exported_at, all: false});
      }
      // emptied inside the transaction: a rollback empties them too, so every file starts from empty tables
      for (const table of Object.keys(chunk)) await connection.run(`delete from stage_${table}`);
      chunk = {};
      chunkSize = 0;
    };

    try {
      for await (const batch of batches) {
        exportedAt = batch.exported_at ?? exportedAt;
        for (const [rule, n] of Object.entries(batch.skipped ?? {})) skipped[rule] = (skipped[rule] ?? 0) + n;
        for (const table of Object.keys(stageColumns) as Table[]) {
          const list = batch[table];
          if (!list?.length) continue;
          let appender = appenders.get(table);
          if (!appender) {
            appender = await connection.createAppender(`stage_${table}`, "main", "temp");
            appenders.set(table, appender);
          }
          for (const row of list as unknown as Array<Record<string, unknown>>) {
            appender.appendInteger(seq++);
            for (const column of stageColumns[table]) appendCell(appender, column, row[column]);
            appender.endRow();
          }
          rows[table] = (rows[table] ?? 0) + list.length;
          chunk[table] = (chunk[table] ?? 0) + list.length;
          chunkSize += list.length;
        }
        if (chunkSize >= chunkRows) await merge();
      }
      await merge();
    } finally {
      for (const appender of appenders.values()) appender.closeSync();
    }
    const exported_at = exportDate();
    if (JSON.stringify([rows, skipped, exported_at]) !== recorded) await updateFileReport(connection, fileId!, rows, skipped, exported_at);
    return {file_id: fileId!, rows, skipped};
  });
}

/**
 * Merges the staged items: finds those the warehouse holds (a join on the key reading narrow columns),
 * inserts the others, and updates the held ones: their dates, and their values only where they changed,
 * never their `raw`. Returns how many staged records repeat an id of
 * the same file (within this chunk, or merged by an earlier chunk of it).
 */
async function mergeItems(connection: DuckDBConnection, stagedItems: number, file_id: number, exported_at: string): Promise<number> {
  const seen = Number((await connection.run(itemSql.findSeen, {file_id, exported_at})).rowsChanged);
  const inserted = Number((await connection.run(itemSql.insertNew, {file_id, exported_at})).rowsChanged);
  let repeated = stagedItems - inserted - seen;
  if (seen) {
    const reader = await connection.runAndReadAll(
      "select count(*)::integer from stage_seen_items where stored_last_file_id = $file_id", {file_id});
    const earlierChunk = Number(reader.getRows()[0]?.[0] ?? 0);
    repeated += earlierChunk;
    await connection.run(itemSql.updateSeen, {file_id});
    await connection.run(itemSql.updateChanged);
    if (earlierChunk) {
      await connection.run(itemSql.updateRepeatedRaw, {file_id});
      await connection.run(itemSql.dropRepeatedCounts, {file_id});
    }
    await connection.run("delete from stage_seen_items");
  }
  return repeated;
}

/** Items dated before this are implausible: older than every platform ascolto reads (Facebook opened in 2004). */
export const earliestPlausible = "2004-01-01T00:00:00Z";

/**
 * Rejects a file holding an item dated before 2004 or more than a day after the export (its stated
 * date, else now: a zip entry's mtime can be 1980): such a date is a mapping bug or a corrupt record,
 * and loading it would distort every time series.
 */
async function checkDates(connection: DuckDBConnection, path: string, exportedAt: string): Promise<void> {
  const reader = await connection.runAndReadAll(`
    select item_id, created_at, created_at::timestamptz < $earliest::timestamptz as early from stage_items
    where created_at::timestamptz < $earliest::timestamptz or created_at::timestamptz > $exported_at::timestamptz + interval 1 day
    order by early desc, seq limit 1`, {earliest: earliestPlausible, exported_at: exportedAt});
  const row = reader.getRows()[0];
  if (!row) return;
  const [itemId, createdAt, early] = row;
  const why = early ? "before 2004-01-01" : `more than a day after the export date ${exportedAt}`;
  throw new ParseError(`item ${itemId} has an implausible date ${createdAt} (${why})`, {file: path, field: "created_at"});
}


function appendCell(appender: DuckDBAppender, column: string, value: unknown): void {
  if (value === null || value === undefined) return appender.appendNull();
  if (Array.isArray(value)) return appender.appendVarchar(JSON.stringify(value));
  if (integerColumns.has(column)) return appender.appendInteger(Number(value));
  if (bigintColumns.has(column)) return appender.appendBigInt(BigInt(Math.round(Number(value))));
  if (column === "value") return appender.appendDouble(Number(value));
  appender.appendVarchar(String(value as Cell));
}

async function updateFileReport(connection: DuckDBConnection, file_id: number, rows: object, skipped: object, exported_at: string): Promise<void> {
  await connection.run(
    "update source_files set rows_json = $rows, skipped_json = $skipped, exported_at = $exported_at::timestamptz where file_id = $file_id",
    {file_id, rows: JSON.stringify(rows), skipped: JSON.stringify(skipped), exported_at});
}

/** Writes the file's row in source_files and returns its id. */
export async function recordFile(
  connection: DuckDBConnection,
  file: FileRecord,
  status: "loaded" | "duplicate" | "rejected" | "ignored",
  {rows = {}, skipped = {}, exported_at = null, error = null}: {rows?: object; skipped?: object; exported_at?: string | null; error?: string | null} = {}
): Promise<number> {
  const result = await connection.runAndReadAll(
    `insert into source_files
     values (nextval('source_file_ids'), $path, $sha256, $bytes, $format, $status, $rows, $skipped, $error,
             $exported_at::timestamptz, now())
     returning file_id`,
    {
      path: file.path, sha256: file.sha256, bytes: file.bytes, format: file.format, status,
      rows: JSON.stringify(rows), skipped: JSON.stringify(skipped), error, exported_at
    } as never
  );
  return Number(result.getRows()[0]![0]);
}

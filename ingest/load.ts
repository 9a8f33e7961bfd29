import type {DuckDBAppender, DuckDBConnection} from "@duckdb/node-api";
import {readSql, withTransaction} from "../lib/duckdb.ts";
import {ParseError} from "../lib/errors.ts";
import type {Rows} from "./canonical.ts";

const stageSql = readSql(new URL("./sql/stage.sql", import.meta.url));
/** Each merge with the staging table it reads: a file that staged nothing there skips it. */
const mergeSql = ([["accounts", "merge-accounts"], ["authors", "merge-authors"], ["items", "insert-new-items"], ["counts", "merge-counts"],
  ["account_daily", "merge-account-daily"], ["accounts|authors", "link-staged"]] as const)
  .map(([tables, name]) => ({tables: tables.split("|"), sql: readSql(new URL(`./sql/${name}.sql`, import.meta.url))}));
const insertNewItemsSql = mergeSql[2]!.sql;
const mergeItemsSql = readSql(new URL("./sql/merge-items.sql", import.meta.url));
/** Connections whose temp staging tables exist: created once, not re-planned for every file. */
const staged = new WeakSet<DuckDBConnection>();

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
 * Loads one file's rows in one transaction: staged with the appender, then merged into the canonical
 * tables. Any error rolls the whole file back.
 */
export async function loadFile(connection: DuckDBConnection, file: FileRecord, batches: AsyncIterable<Rows>): Promise<LoadReport> {
  if (!staged.has(connection)) {
    await connection.run(stageSql);
    staged.add(connection);
  }
  return withTransaction(connection, async () => {
    const appenders = new Map<string, DuckDBAppender>();
    const rows: Record<string, number> = {};
    const skipped: Record<string, number> = {};
    let exportedAt: string | null = null;
    let seq = 0;
    try {
      for await (const batch of batches) {
        exportedAt = batch.exported_at ?? exportedAt;
        for (const [rule, n] of Object.entries(batch.skipped ?? {})) skipped[rule] = (skipped[rule] ?? 0) + n;
        for (const table of Object.keys(stageColumns) as Array<keyof typeof stageColumns>) {
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
        }
      }
    } finally {
      for (const appender of appenders.values()) appender.closeSync();
    }
    if (rows.items) await checkDates(connection, file.path, exportedAt ?? new Date().toISOString());
    const exported_at = exportedAt ?? (file.mtime ?? new Date()).toISOString();
    const file_id = await recordFile(connection, file, "loaded", {rows, skipped, exported_at});
    for (const {tables, sql} of mergeSql) {
      if (!tables.some((table) => rows[table])) continue;
      const result = await connection.run(sql, sql.includes("$file_id") || sql.includes("$exported_at") ? paramsFor(sql, file_id, exported_at) : undefined);
      // every staged item new and distinct (the usual case): no repeat to report, nothing to update
      if (sql !== insertNewItemsSql || result.rowsChanged === rows.items) continue;
      const repeated = await countRepeats(connection);
      if (repeated) {
        skipped["repeated item id in the file (last kept)"] = repeated;
        rows.items! -= repeated;
        await updateFileReport(connection, file_id, rows, skipped);
      }
      if (result.rowsChanged < rows.items!) await connection.run(mergeItemsSql, {file_id, exported_at});
    }
    // emptied inside the transaction: a rollback empties them too, so every file starts from empty tables
    for (const table of appenders.keys()) await connection.run(`delete from stage_${table}`);
    return {file_id, rows, skipped};
  });
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

async function countRepeats(connection: DuckDBConnection): Promise<number> {
  const reader = await connection.runAndReadAll(
    "select (count(*) - count(distinct (platform, item_id)))::integer from stage_items");
  return Number(reader.getRows()[0]?.[0] ?? 0);
}

function paramsFor(sql: string, file_id: number, exported_at: string): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (sql.includes("$file_id")) params.file_id = file_id;
  if (sql.includes("$exported_at")) params.exported_at = exported_at;
  return params;
}

function appendCell(appender: DuckDBAppender, column: string, value: unknown): void {
  if (value === null || value === undefined) return appender.appendNull();
  if (Array.isArray(value)) return appender.appendVarchar(JSON.stringify(value));
  if (integerColumns.has(column)) return appender.appendInteger(Number(value));
  if (bigintColumns.has(column)) return appender.appendBigInt(BigInt(Math.round(Number(value))));
  if (column === "value") return appender.appendDouble(Number(value));
  appender.appendVarchar(String(value as Cell));
}

async function updateFileReport(connection: DuckDBConnection, file_id: number, rows: object, skipped: object): Promise<void> {
  await connection.run("update source_files set rows_json = $rows, skipped_json = $skipped where file_id = $file_id",
    {file_id, rows: JSON.stringify(rows), skipped: JSON.stringify(skipped)});
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

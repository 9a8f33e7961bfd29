import type {DuckDBConnection} from "@duckdb/node-api";
import {readSql, runScript, withTransaction} from "../lib/duckdb.ts";
import {ParseError} from "../lib/errors.ts";
import type {Rows} from "./canonical.ts";
import {stageFor, stageTables, type Stage, type StageTable} from "./stage.ts";

const sql = (name: string) => readSql(new URL(`./sql/${name}.sql`, import.meta.url));
/** Each merge with the staging table it reads: a chunk that staged nothing there skips it. Items go apart (mergeItems). */
const mergeSql = ([["accounts", "merge-accounts"], ["authors", "merge-authors"], ["items", null], ["counts", "merge-counts"],
  ["account_daily", "merge-account-daily"], ["accounts|authors", "link-registry"]] as const)
  .map(([tables, name]) => ({tables: tables.split("|"), sql: name && sql(name)}));
const itemSql = {
  findSeen: sql("find-seen-items"), writeNew: sql("write-new-items"), insertNew: sql("insert-new-items"), updateSeen: sql("update-seen-items"),
  updateChanged: sql("update-changed-items"), updateRepeatedRaw: sql("update-repeated-raw"), dropRepeatedCounts: sql("drop-repeated-counts")
};
/**
 * Rows staged before a merge. A file is merged chunk by chunk inside its one transaction; the stage is on
 * disk, so a chunk costs no memory, and a large one lets DuckDB write its inserts straight to the
 * database file (it does so per row group of 122,880 rows) instead of holding them until the commit
 * (docs/operations.md, "Large files"). Most files fit in one.
 */
export const defaultChunkRows = 2_000_000;
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

/**
 * Loads one file's rows in one transaction: staged in files and merged into the canonical tables every
 * `chunkRows` rows. Any error rolls the whole file back. The file's source_files row is written before
 * its first merge (the items point at it) and its report completed at the end.
 */
export async function loadFile(
  connection: DuckDBConnection, file: FileRecord, batches: AsyncIterable<Rows>, {chunkRows = defaultChunkRows}: {chunkRows?: number} = {}
): Promise<LoadReport> {
  const stage = await stageFor(connection);
  try {
    return await loadStaged(connection, stage, file, batches, chunkRows);
  } finally {
    stage.reset();
  }
}

async function loadStaged(connection: DuckDBConnection, stage: Stage, file: FileRecord, batches: AsyncIterable<Rows>, chunkRows: number) {
  return withTransaction(connection, async (): Promise<LoadReport> => {
    const rows: Record<string, number> = {};
    const skipped: Record<string, number> = {};
    let chunk: Partial<Record<StageTable, number>> = {};
    let chunkSize = 0;
    let exportedAt: string | null = null;
    let fileId: number | null = null;
    let recorded = "";
    const exportDate = () => exportedAt ?? (file.mtime ?? new Date()).toISOString();

    const merge = async () => {
      stage.flush();
      if (chunk.items) await checkDates(connection, file.path, exportedAt ?? new Date().toISOString());
      const exported_at = exportDate();
      if (fileId === null) {
        fileId = await recordFile(connection, file, "loaded", {rows, skipped, exported_at});
        recorded = JSON.stringify([rows, skipped, exported_at]);
      }
      for (const {tables, sql} of mergeSql) {
        if (!tables.some((table) => chunk[table as StageTable])) continue;
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
      stage.reset();
      chunk = {};
      chunkSize = 0;
    };

    for await (const batch of batches) {
      exportedAt = batch.exported_at ?? exportedAt;
      for (const [rule, n] of Object.entries(batch.skipped ?? {})) skipped[rule] = (skipped[rule] ?? 0) + n;
      for (const table of stageTables) {
        const list = batch[table];
        if (!list?.length) continue;
        stage.write(table, list);
        rows[table] = (rows[table] ?? 0) + list.length;
        chunk[table] = (chunk[table] ?? 0) + list.length;
        chunkSize += list.length;
      }
      if (chunkSize >= chunkRows) await merge();
    }
    await merge();
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
  await connection.run(itemSql.writeNew, {file_id, exported_at});
  const inserted = Number((await connection.run(itemSql.insertNew)).rowsChanged);
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

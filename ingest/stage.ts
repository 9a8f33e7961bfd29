import type {DuckDBConnection} from "@duckdb/node-api";
import {closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {readSql} from "../lib/duckdb.ts";

/**
 * Column order of each staging file, with how each canonical field is written. An item's `raw` goes to a
 * file of its own, read only to insert new items: every statement that reads the items would otherwise
 * parse it (DuckDB's JSON reader parses whole lines), and it is most of their bytes.
 */
const stageColumns = {
  items: ["platform", "item_id", "account_id", "author_id", "created_at", "text", "lang_hint", "kind", "parent_id", "root_id", "url", "hashtags", "mentions", "media_count"],
  counts: ["platform", "item_id", "metric", "metric_source", "value"],
  authors: ["platform", "author_id", "handle", "name", "followers"],
  accounts: ["platform", "account_id", "handle", "display_name", "followers"],
  account_daily: ["platform", "account_id", "day", "followers", "follows_gained", "follows_lost", "impressions", "reach", "profile_visits", "engagements"]
} as const;

export type StageTable = keyof typeof stageColumns;
export const stageTables = Object.keys(stageColumns) as StageTable[];
const stageFiles = [...stageTables, "item_raw", "files"];

/** A file in the stage: its number there (the `file` column of every staged row) and what its merge needs. */
export interface StageFile {
  file: number;
  /** Its source_files row, once recorded. */
  file_id: number | null;
  /** Its export date (stated, else the file's modification time), ISO-8601. */
  exported_at: string;
  /** Items dated after this plus one day are implausible: the stated export date, else now. */
  check_until: string;
  /** Its source_files row is written with this merge (record-files.sql), from the fields below. */
  recording?: boolean;
  path?: string;
  sha256?: string | null;
  bytes?: number;
  format?: string | null;
  rows_json?: string;
  skipped_json?: string;
}

/** Where each staging file ended at some point: `truncate` goes back there. */
export type StageMark = {offsets: Map<string, number>; rows: Map<StageTable, number>};

const viewsSql = readSql(new URL("./sql/stage.sql", import.meta.url));
const integerColumns = new Set(["media_count"]);
const wholeColumns = new Set(["followers", "follows_gained", "follows_lost", "impressions", "reach", "profile_visits", "engagements"]);
const stages = new WeakMap<DuckDBConnection, [Stage, Stage]>();
const made = new Set<string>();
process.on("exit", () => made.forEach((dir) => rmSync(dir, {recursive: true, force: true})));

/**
 * The connection's two stages, made on first use: one is filled while the other merges (load.ts). Their
 * folders are `<warehouse>.stage/0` and `/1` beside the warehouse (emptied first: a killed ingest may have
 * left a chunk there), or temporary ones for an in-memory warehouse; the views are created once.
 */
export async function stagesFor(connection: DuckDBConnection): Promise<[Stage, Stage]> {
  let pair = stages.get(connection);
  if (pair) return pair;
  const reader = await connection.runAndReadAll("select path from duckdb_databases() where database_name = current_database()");
  const path = reader.getRowsJS()[0]?.[0];
  const dir = path ? `${path}.stage` : mkdtempSync(join(tmpdir(), "ascolto-stage-"));
  rmSync(dir, {recursive: true, force: true});
  made.add(dir);
  pair = [new Stage(join(dir, "0")), new Stage(join(dir, "1"))];
  await pair[0].use(connection);
  await connection.run(viewsSql);
  stages.set(connection, pair);
  return pair;
}

/**
 * The rows on their way to the warehouse: one or more files' (a batch of small files, or one chunk of a
 * large file), written as NDJSON files that the `stage_*` views (sql/stage.sql) read with read_json. Files
 * rather than temp tables: DuckDB keeps every row a transaction wrote to a temp table, deleted or not,
 * until the transaction ends, so staging a large file there grew with the file (docs/operations.md,
 * "Large files"). `seq` numbers the rows in the order they came, across files: the last record of a
 * repeated id wins.
 */
export class Stage {
  private fds = new Map<string, number>();
  /** Bytes written to each open file: writes go there, and `truncate` cuts back. */
  private offsets = new Map<string, number>();
  /** Files written since the last reset: only those need emptying. */
  private written = new Set<string>(stageFiles);
  private seq = 0;
  /** Rows of each table staged since the last reset. */
  private rows = new Map<StageTable, number>();

  constructor(readonly dir: string) {
    mkdirSync(dir, {recursive: true});
    this.reset();
  }

  /** Points the connection's stage_* views at this stage, for the statements that follow. */
  async use(connection: DuckDBConnection): Promise<void> {
    await connection.run("set variable ascolto_stage = $dir", {dir: this.dir});
  }

  /** Appends rows of one table, from the file numbered `file`. */
  write(table: StageTable, rows: ReadonlyArray<object>, file: number): void {
    const columns = stageColumns[table];
    let text = "";
    let raw = "";
    for (const row of rows as Array<Record<string, unknown>>) {
      const line: Record<string, unknown> = {seq: this.seq, file};
      for (const column of columns) line[column] = cell(column, row[column]);
      text += JSON.stringify(line) + "\n";
      if (table === "items") raw += JSON.stringify({seq: this.seq, raw: cell("raw", row.raw)}) + "\n";
      this.seq++;
    }
    this.append(table, text);
    if (raw) this.append("item_raw", raw);
    this.rows.set(table, this.staged(table) + rows.length);
  }

  /** How many rows of `table` are staged. */
  staged(table: StageTable): number {
    return this.rows.get(table) ?? 0;
  }

  /** How many rows are staged. */
  get size(): number {
    return [...this.rows.values()].reduce((sum, n) => sum + n, 0);
  }

  /** Lists the files a merge takes (stage_files): rows of other files in the stage are left out of it. */
  writeFiles(files: ReadonlyArray<StageFile>): void {
    writeFileSync(join(this.dir, "files.ndjson"), files.map((file) => JSON.stringify(file) + "\n").join(""));
    this.written.add("files");
  }

  /** Where the stage ends now. */
  mark(): StageMark {
    return {offsets: new Map(this.offsets), rows: new Map(this.rows)};
  }

  /** Drops what was staged after `mark` (a file that failed half-way). */
  truncate(mark: StageMark): void {
    for (const [name, fd] of this.fds) {
      const offset = mark.offsets.get(name) ?? 0;
      ftruncateSync(fd, offset);
      this.offsets.set(name, offset);
    }
    this.rows = new Map(mark.rows);
  }

  private append(name: string, text: string): void {
    let fd = this.fds.get(name);
    if (fd === undefined) {
      fd = openSync(join(this.dir, `${name}.ndjson`), "w");
      this.fds.set(name, fd);
      this.offsets.set(name, 0);
      this.written.add(name);
    }
    this.offsets.set(name, this.offsets.get(name)! + writeSync(fd, text, this.offsets.get(name)!));
  }

  /** Closes the files, so that the views read them whole. */
  flush(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
    this.offsets.clear();
  }

  /** Empties the files, for the next merge. */
  reset(): void {
    this.flush();
    for (const name of this.written) writeFileSync(join(this.dir, `${name}.ndjson`), "");
    this.written.clear();
    this.rows.clear();
  }
}

function cell(column: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return JSON.stringify(value);
  if (integerColumns.has(column)) return Math.trunc(Number(value));
  if (wholeColumns.has(column)) return Math.round(Number(value));
  if (column === "value") return Number(value);
  // why: a lone surrogate (a cut emoji) is not valid UTF-8: DuckDB's JSON reader would refuse the line
  return String(value).toWellFormed();
}

import type {DuckDBConnection} from "@duckdb/node-api";
import {closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {readSql} from "../lib/duckdb.ts";

/**
 * Column order of each staging file, with how each canonical field is written. An item's `raw` goes to a
 * file of its own, read only to insert new items: every statement that reads the items would otherwise
 * parse it (DuckDB's JSON reader parses whole lines), and it is most of their bytes.
 */
export const stageColumns = {
  items: ["platform", "item_id", "account_id", "author_id", "created_at", "text", "lang_hint", "kind", "parent_id", "root_id", "url", "hashtags", "mentions", "media_count"],
  counts: ["platform", "item_id", "metric", "metric_source", "value"],
  authors: ["platform", "author_id", "handle", "name", "followers"],
  accounts: ["platform", "account_id", "handle", "display_name", "followers"],
  account_daily: ["platform", "account_id", "day", "followers", "follows_gained", "follows_lost", "impressions", "reach", "profile_visits", "engagements"]
} as const;

export type StageTable = keyof typeof stageColumns;
export const stageTables = Object.keys(stageColumns) as StageTable[];
const stageFiles = [...stageTables, "item_raw"];

const viewsSql = readSql(new URL("./sql/stage.sql", import.meta.url));
/** Connections whose staging views exist: created once, then pointed at each file's stage. */
const viewed = new WeakSet<DuckDBConnection>();
const integerColumns = new Set(["media_count"]);
const wholeColumns = new Set(["followers", "follows_gained", "follows_lost", "impressions", "reach", "profile_visits", "engagements"]);

/**
 * One chunk of a file's canonical rows on its way to the warehouse, written as NDJSON files that the
 * `stage_*` views (sql/stage.sql) read with read_json. Files rather than temp tables: DuckDB keeps every
 * row a transaction wrote to a temp table, deleted or not, until the transaction ends, so staging a
 * large file there grew with the file (docs/operations.md, "Large files"). `seq` numbers the rows across
 * the file: the last record of a repeated id wins.
 */
export class Stage {
  readonly dir = mkdtempSync(join(tmpdir(), "ascolto-stage-"));
  private fds = new Map<string, number>();
  private seq = 0;

  /** Points the connection's staging views at this stage's (empty) files. */
  async open(connection: DuckDBConnection): Promise<void> {
    this.reset();
    await connection.run("set variable ascolto_stage = $dir", {dir: this.dir});
    if (viewed.has(connection)) return;
    await connection.run(viewsSql);
    viewed.add(connection);
  }

  /** Appends rows of one table to the current chunk. */
  write(table: StageTable, rows: ReadonlyArray<object>): void {
    const columns = stageColumns[table];
    let text = "";
    let raw = "";
    for (const row of rows as Array<Record<string, unknown>>) {
      const line: Record<string, unknown> = {seq: this.seq};
      for (const column of columns) line[column] = cell(column, row[column]);
      text += JSON.stringify(line) + "\n";
      if (table === "items") raw += JSON.stringify({seq: this.seq, raw: cell("raw", row.raw)}) + "\n";
      this.seq++;
    }
    writeSync(this.fd(table), text);
    if (raw) writeSync(this.fd("item_raw"), raw);
  }

  private fd(name: string): number {
    let fd = this.fds.get(name);
    if (fd === undefined) {
      fd = openSync(join(this.dir, `${name}.ndjson`), "w");
      this.fds.set(name, fd);
    }
    return fd;
  }

  /** Ends the chunk: its files are complete for the views to read. */
  flush(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }

  /** Empties every file, for the next chunk. */
  reset(): void {
    this.flush();
    for (const name of stageFiles) writeFileSync(join(this.dir, `${name}.ndjson`), "");
  }

  close(): void {
    this.flush();
    rmSync(this.dir, {recursive: true, force: true});
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

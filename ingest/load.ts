import type {DuckDBConnection} from "@duckdb/node-api";
import type {Rows} from "./canonical.ts";
import {updateFileReport, type FileRecord} from "./file-records.ts";
import {exportDate, mergeStaged, report, type MergeFile} from "./merge.ts";
import {stageFor, stageTables, type Stage} from "./stage.ts";

export {repeatedRule} from "./merge.ts";

export interface LoadOptions {
  /**
   * Staged rows per merge of a large file. It is merged chunk by chunk inside its one transaction; the stage
   * is on disk, so a chunk costs no memory, and a large one lets DuckDB write its inserts straight to the
   * database file (it does so per row group of 122,880 rows) instead of holding them until the commit
   * (docs/operations.md, "Large files"). Most files fit in one.
   */
  chunkRows?: number;
  /** Small files are staged together and merged in one transaction once they hold this many rows... */
  batchRows?: number;
  /** ...or once there are this many. */
  batchFiles?: number;
}

export interface LoadReport {
  file_id: number;
  rows: Record<string, number>;
  skipped: Record<string, number>;
}

export type LoadOutcome = {report: LoadReport; error?: undefined} | {report?: undefined; error: unknown};

export interface LoadEntry {
  record: FileRecord;
  /** The file's rows; read again when the file must be staged anew, alone. */
  parse: () => AsyncIterable<Rows>;
  /** Told once the file is committed, or why it is not. */
  done: (outcome: LoadOutcome) => Promise<void>;
}

type Staged = LoadEntry & MergeFile;

/**
 * Loads files into the canonical tables, each whole or not at all. Small files are staged together and
 * merged in one transaction (a statement costs the same for 25 rows as for 25,000: merging a Meta Graph page
 * file alone cost about ten statements); a file too large for a batch loads alone, in chunks, in its own
 * transaction. A file that fails to parse is dropped from the stage; a batch that fails to merge is rolled
 * back and its files load again one by one, so that only the bad one is rejected.
 */
export class Loader {
  private pending: Staged[] = [];
  private numbered = 0;
  /** A transaction is open: a large file merged its first chunks. */
  private open = false;

  private constructor(
    private readonly connection: DuckDBConnection,
    private readonly stage: Stage,
    private readonly options: Required<LoadOptions>
  ) {}

  static async for(connection: DuckDBConnection, {chunkRows = 2_000_000, batchRows = 250_000, batchFiles = 1_000}: LoadOptions = {}) {
    return new Loader(connection, await stageFor(connection), {chunkRows, batchRows, batchFiles});
  }

  /** Stages a file's rows; merges them with the files staged before, now or at a later `flush`. */
  async add({record, parse, done}: LoadEntry): Promise<void> {
    const entry = {record, parse, done};
    const file: Staged = {...entry, file: this.numbered++, rows: {}, skipped: {}, exportedAt: null, fileId: null};
    const mark = this.stage.mark();
    let tooLarge = false;
    try {
      for await (const batch of parse()) {
        file.exportedAt = batch.exported_at ?? file.exportedAt;
        for (const [rule, n] of Object.entries(batch.skipped ?? {})) file.skipped[rule] = (file.skipped[rule] ?? 0) + n;
        for (const table of stageTables) {
          const list = batch[table];
          if (!list?.length) continue;
          this.stage.write(table, list, file.file);
          file.rows[table] = (file.rows[table] ?? 0) + list.length;
        }
        if (this.stage.size < this.options.chunkRows) continue;
        if (this.pending.length) {
          tooLarge = true;
          break;
        }
        await this.begin();
        const rejected = await mergeStaged(this.connection, this.stage, [file]);
        if (rejected.size) throw rejected.get(file);
        this.stage.reset();
      }
    } catch (error) {
      await this.abandon(mark);
      return done({error});
    }
    if (tooLarge) {
      // why: the files staged before it merge first; it then loads alone, in chunks
      this.stage.truncate(mark);
      await this.flush();
      return this.add(entry);
    }
    this.pending.push(file);
    const {batchRows, batchFiles} = this.options;
    if (this.open || this.pending.length >= batchFiles || this.stage.size >= batchRows) await this.flush();
  }

  /** Merges and commits the staged files. */
  async flush(): Promise<void> {
    const files = this.pending;
    this.pending = [];
    if (!files.length) return;
    const outcomes = new Map<Staged, LoadOutcome>();
    try {
      await this.begin();
      for (const [file, error] of await mergeStaged(this.connection, this.stage, files)) outcomes.set(file, {error});
      for (const file of files) {
        if (outcomes.has(file)) continue;
        if (report(file) !== file.recorded) await updateFileReport(this.connection, file.fileId!, file.rows, file.skipped, exportDate(file));
        outcomes.set(file, {report: {file_id: file.fileId!, rows: file.rows, skipped: file.skipped}});
      }
      await this.connection.run("commit");
      this.open = false;
      this.stage.reset();
    } catch (error) {
      await this.abandon();
      if (files.length === 1) return files[0]!.done({error});
      // why: one file's bad record fails its batch: each file loads again alone, and only that one is rejected
      for (const file of files) {
        await this.add(file);
        await this.flush();
      }
      return;
    }
    for (const file of files) await file.done(outcomes.get(file)!);
  }

  private async begin(): Promise<void> {
    if (this.open) return;
    await this.connection.run("begin transaction");
    this.open = true;
  }

  /** Rolls back what is merged and drops what is staged: after `mark` only, when nothing is merged. */
  private async abandon(mark?: ReturnType<Stage["mark"]>): Promise<void> {
    if (this.open) {
      await this.connection.run("rollback");
      this.open = false;
      this.stage.reset();
    } else if (mark) {
      this.stage.truncate(mark);
    } else {
      this.stage.reset();
    }
  }
}

/** Loads one file's rows alone: its report, or the reason it was rejected thrown. */
export async function loadFile(connection: DuckDBConnection, record: FileRecord, rows: AsyncIterable<Rows>, options: LoadOptions = {}): Promise<LoadReport> {
  const loader = await Loader.for(connection, options);
  let outcome: LoadOutcome | undefined;
  await loader.add({record, parse: () => rows, done: async (result) => void (outcome = result)});
  await loader.flush();
  if (outcome!.error !== undefined) throw outcome!.error;
  return outcome!.report!;
}

import type {DuckDBConnection} from "@duckdb/node-api";
import type {Rows} from "./canonical.ts";
import {updateFileReport, type FileRecord} from "./file-records.ts";
import {exportDate, mergeStaged, report, type MergeFile} from "./merge.ts";
import {stagesFor, stageTables, type Stage, type StageMark} from "./stage.ts";

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
 * file alone cost about ten statements); a file that fills a chunk loads alone, chunk by chunk, in its own
 * transaction. A file that fails to parse is dropped from the stage; a batch that fails to merge is rolled
 * back and its files load again one by one, so that only the bad one is rejected. There are two stages:
 * while DuckDB merges one, the next files are parsed into the other (one transaction at a time still).
 */
export class Loader {
  private pending: Staged[] = [];
  private numbered = 0;
  /** A transaction is open: a large file's chunks merged, or a batch is merging. */
  private open = false;
  /** The other stage's merge, under way. */
  private merging: Promise<void> = Promise.resolve();

  private constructor(
    private readonly connection: DuckDBConnection,
    private stage: Stage,
    private spare: Stage,
    private readonly options: Required<LoadOptions>
  ) {}

  static async for(connection: DuckDBConnection, {chunkRows = 2_000_000, batchRows = 250_000, batchFiles = 1_000}: LoadOptions = {}) {
    const [stage, spare] = await stagesFor(connection);
    return new Loader(connection, stage, spare, {chunkRows, batchRows, batchFiles});
  }

  /** Stages a file's rows; merges them with the files staged before, now or at a later `flush`. */
  async add(entry: LoadEntry): Promise<void> {
    const file = this.staged(entry);
    const {parse, done} = file;
    const mark = this.stage.mark();
    let tooLarge = false;
    let chunked = false;
    try {
      for await (const batch of parse()) {
        this.stageRows(file, batch);
        if (this.stage.size < this.options.chunkRows) continue;
        if (this.pending.length) {
          tooLarge = true;
          break;
        }
        await this.idle();
        await this.begin();
        const rejected = await mergeStaged(this.connection, this.stage, [file]);
        if (rejected.size) throw rejected.get(file);
        this.stage.reset();
        chunked = true;
      }
    } catch (error) {
      await this.idle();
      await this.abandon(this.stage, mark);
      return done({error});
    }
    if (tooLarge) {
      // why: it fills a chunk: the files staged before it merge first, then it loads alone, chunk by chunk
      this.stage.truncate(mark);
      await this.startMerge();
      return this.add(entry);
    }
    this.pending.push(file);
    const {batchRows, batchFiles} = this.options;
    if (chunked || this.pending.length >= batchFiles || this.stage.size >= batchRows) await this.startMerge();
  }

  /** Merges the staged files and waits for every merge to end. */
  async flush(): Promise<void> {
    await this.startMerge();
    await this.idle();
  }

  /** Starts merging the staged files, once the previous merge is done; `idle` waits for it. */
  private async startMerge(): Promise<void> {
    const files = this.pending;
    if (!files.length) return;
    this.pending = [];
    await this.idle();
    const stage = this.stage;
    [this.stage, this.spare] = [this.spare, stage];
    this.merging = this.commit(stage, files);
    // why: a failure surfaces at the next idle(); until then the promise must not count as unhandled
    this.merging.catch(() => {});
  }

  /** Waits for the merge under way: the connection is then free for other statements. */
  async idle(): Promise<void> {
    await this.merging;
  }

  /** Merges and commits a stage's files, then tells each how it went. */
  private async commit(stage: Stage, files: Staged[]): Promise<void> {
    const outcomes = new Map<Staged, LoadOutcome>();
    try {
      await this.begin();
      for (const [file, error] of await mergeStaged(this.connection, stage, files)) outcomes.set(file, {error});
      for (const file of files) {
        if (outcomes.has(file)) continue;
        if (report(file) !== file.recorded) await updateFileReport(this.connection, file.fileId!, file.rows, file.skipped, exportDate(file));
        outcomes.set(file, {report: {file_id: file.fileId!, rows: file.rows, skipped: file.skipped}});
      }
      await this.connection.run("commit");
      this.open = false;
      stage.reset();
    } catch (error) {
      await this.abandon(stage);
      if (files.length === 1) return files[0]!.done({error});
      // why: one file's bad record fails its batch: each file loads again alone, and only that one is rejected
      for (const file of files) await this.loadAlone(stage, file);
      return;
    }
    for (const file of files) await file.done(outcomes.get(file)!);
  }

  /** Loads a file of a failed batch by itself, in the stage the batch used (it fits: the batch did). */
  private async loadAlone(stage: Stage, entry: LoadEntry): Promise<void> {
    const file = this.staged(entry);
    try {
      for await (const batch of file.parse()) this.stageRows(file, batch, stage);
    } catch (error) {
      stage.reset();
      return file.done({error});
    }
    await this.commit(stage, [file]);
  }

  /**
   * A file about to be staged (again: a re-staged file starts afresh), numbered in the stage. Its modification
   * time stands in for an export date it does not state: one fallback for the file, not a new clock reading
   * at each use.
   */
  private staged({record, parse, done}: LoadEntry): Staged {
    return {record: {...record, mtime: record.mtime ?? new Date()}, parse, done, file: this.numbered++, rows: {}, skipped: {}, exportedAt: null, fileId: null};
  }

  private stageRows(file: Staged, batch: Rows, stage = this.stage): void {
    file.exportedAt = batch.exported_at ?? file.exportedAt;
    for (const [rule, n] of Object.entries(batch.skipped ?? {})) file.skipped[rule] = (file.skipped[rule] ?? 0) + n;
    for (const table of stageTables) {
      const list = batch[table];
      if (!list?.length) continue;
      stage.write(table, list, file.file);
      file.rows[table] = (file.rows[table] ?? 0) + list.length;
    }
  }

  private async begin(): Promise<void> {
    if (this.open) return;
    await this.connection.run("begin transaction");
    this.open = true;
  }

  /** Rolls back what is merged and empties the stage; when nothing is merged, drops only what follows `mark`. */
  private async abandon(stage: Stage, mark?: StageMark): Promise<void> {
    if (this.open) {
      await this.connection.run("rollback");
      this.open = false;
      stage.reset();
    } else if (mark) {
      stage.truncate(mark);
    } else {
      stage.reset();
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

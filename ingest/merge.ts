import type {DuckDBConnection} from "@duckdb/node-api";
import {readSql, runScript} from "../lib/duckdb.ts";
import {ParseError} from "../lib/errors.ts";
import type {FileRecord} from "./file-records.ts";
import type {Stage, StageFile} from "./stage.ts";

const sql = (name: string) => readSql(new URL(`./sql/${name}.sql`, import.meta.url));
const statements = {
  recordFiles: sql("record-files"), implausibleDates: sql("find-implausible-dates"),
  repeatedItems: sql("find-repeated-items"), sharedItems: sql("find-shared-items"),
  accounts: sql("merge-accounts"), authors: sql("merge-authors"), counts: sql("merge-counts"),
  accountDaily: sql("merge-account-daily"), linkRegistry: sql("link-registry"),
  findSeen: sql("find-seen-items"), writeNew: sql("write-new-items"), insertNew: sql("insert-new-items"),
  updateSeen: sql("update-seen-items"), updateChanged: sql("update-changed-items"),
  updateRepeatedRaw: sql("update-repeated-raw"), dropRepeatedCounts: sql("drop-repeated-counts")
};

export const repeatedRule = "repeated item id in the file (last kept)";

/** Items dated before this are implausible: older than every platform ascolto reads (Facebook opened in 2004). */
const earliestPlausible = "2004-01-01T00:00:00Z";

/** A file whose rows are in the stage, with its report so far. */
export interface MergeFile {
  /** Its number in the stage. */
  file: number;
  record: FileRecord;
  rows: Record<string, number>;
  skipped: Record<string, number>;
  /** The export date the file states, if it does. */
  exportedAt: string | null;
  /** Its source_files row, once recorded (at its first merge). */
  fileId: number | null;
  /** The report as recorded then (see `report`). */
  recorded?: string;
}

/** What the file's source_files row says of it: a later chunk may change it. */
export function report(file: MergeFile): string {
  return JSON.stringify([file.rows, file.skipped, exportDate(file)]);
}

/** The file's export date: the one it states, else its modification time. */
export function exportDate(file: MergeFile): string {
  return file.exportedAt ?? (file.record.mtime ?? new Date()).toISOString();
}

/**
 * Merges the staged rows of `files` (a batch of files, or one chunk of a large file) into the canonical
 * tables, in the caller's transaction. A file holding an implausible date is left out and returned with its
 * error; the others are recorded in source_files (at their first merge) and merged as loading them one by
 * one, in order, would: the merges of accounts, authors, counts and daily insights aggregate over the files,
 * and the items of files that share ids merge in rounds.
 */
export async function mergeStaged<F extends MergeFile>(connection: DuckDBConnection, stage: Stage, files: F[]): Promise<Map<F, ParseError>> {
  stage.flush();
  await stage.use(connection);
  const now = new Date().toISOString();
  stage.writeFiles(files.map((file) => stageFile(file, now)));
  const rejected = await implausibleDates(connection, files, now);
  // why: a large file's earlier chunks are merged already: the whole file rolls back
  for (const [file, error] of rejected) if (file.fileId !== null) throw error;
  const merged = files.filter((file) => !rejected.has(file));
  if (!merged.length) return rejected;
  const repeats = await connection.runAndReadAll(statements.repeatedItems);
  for (const [number, repeated] of repeats.getRowsJS()) {
    const file = merged.find((file) => file.file === number);
    if (file) countRepeats(file, Number(repeated));
  }
  const recording = new Set(merged.filter((file) => file.fileId === null));
  if (recording.size) {
    const ids = await connection.runAndReadAll("select nextval('source_file_ids')::integer from range($n)", {n: recording.size});
    // why: ids follow the files' order, as when they load one by one
    const sorted = ids.getRowsJS().map(([id]) => Number(id)).sort((x, y) => x - y);
    [...recording].forEach((file, index) => (file.fileId = sorted[index]!));
  }
  stage.writeFiles(merged.map((file) => recording.has(file) ? {...stageFile(file, now), ...sourceFile(file)} : stageFile(file, now)));
  if (recording.size) await connection.run(statements.recordFiles);
  for (const file of recording) file.recorded = report(file);
  if (stage.staged("accounts")) await connection.run(statements.accounts);
  if (stage.staged("authors")) await connection.run(statements.authors);
  if (stage.staged("items")) await mergeItems(connection, stage, merged, now);
  if (stage.staged("counts")) await connection.run(statements.counts);
  if (stage.staged("account_daily")) await connection.run(statements.accountDaily);
  if (stage.staged("accounts") || stage.staged("authors")) await runScript(connection, statements.linkRegistry, {all: false});
  return rejected;
}

function stageFile(file: MergeFile, now: string): StageFile {
  return {file: file.file, file_id: file.fileId, exported_at: exportDate(file), check_until: file.exportedAt ?? now};
}

function sourceFile({record, rows, skipped}: MergeFile): Partial<StageFile> {
  const {path, sha256, bytes, format} = record;
  return {recording: true, path, sha256, bytes, format, rows_json: JSON.stringify(rows), skipped_json: JSON.stringify(skipped)};
}

function countRepeats(file: MergeFile, repeated: number): void {
  file.skipped[repeatedRule] = (file.skipped[repeatedRule] ?? 0) + repeated;
  file.rows.items! -= repeated;
}

/**
 * Rejects a file holding an item dated before 2004 or more than a day after the export (its stated
 * date, else now: a zip entry's mtime can be 1980): such a date is a mapping bug or a corrupt record,
 * and loading it would distort every time series.
 */
async function implausibleDates<F extends MergeFile>(connection: DuckDBConnection, files: F[], now: string): Promise<Map<F, ParseError>> {
  const reader = await connection.runAndReadAll(statements.implausibleDates, {earliest: earliestPlausible});
  const rejected = new Map<F, ParseError>();
  for (const [number, itemId, createdAt, early] of reader.getRowsJS()) {
    const file = files.find((file) => file.file === number)!;
    const why = early ? "before 2004-01-01" : `more than a day after the export date ${file.exportedAt ?? now}`;
    rejected.set(file, new ParseError(`item ${itemId} has an implausible date ${createdAt} (${why})`, {file: file.record.path, field: "created_at"}));
  }
  return rejected;
}

/**
 * Merges the staged items: finds those the warehouse holds (a join on the key reading narrow columns),
 * inserts the others, and updates the held ones: their dates, and their values only where they changed,
 * never their `raw`. Files that share an id merge in rounds, each id meeting its files in order. A record
 * repeating an id that an earlier chunk of the same file merged counts as a repeat of that file.
 */
async function mergeItems(connection: DuckDBConnection, stage: Stage, files: MergeFile[], now: string): Promise<void> {
  const rounds = files.length > 1 ? await itemRounds(connection, files) : [files];
  for (const round of rounds) {
    if (rounds.length > 1) stage.writeFiles(round.map((file) => stageFile(file, now)));
    const seen = Number((await connection.run(statements.findSeen)).rowsChanged);
    await connection.run(statements.writeNew);
    await connection.run(statements.insertNew);
    if (!seen) continue;
    await connection.run(statements.updateSeen);
    await connection.run(statements.updateChanged);
    const earlierChunk = await connection.runAndReadAll(
      "select file_id, count(*)::integer from stage_seen_items where stored_last_file_id = file_id group by file_id");
    for (const [fileId, repeated] of earlierChunk.getRowsJS()) {
      countRepeats(round.find((file) => file.fileId === fileId)!, Number(repeated));
      await connection.run(statements.updateRepeatedRaw, {file_id: Number(fileId)});
      await connection.run(statements.dropRepeatedCounts, {file_id: Number(fileId)});
    }
  }
  if (rounds.length > 1) stage.writeFiles(files.map((file) => stageFile(file, now)));
}

/** The files in rounds: a file comes a round after every earlier file it shares an item id with. */
async function itemRounds(connection: DuckDBConnection, files: MergeFile[]): Promise<MergeFile[][]> {
  const reader = await connection.runAndReadAll(statements.sharedItems);
  const previous = new Map<number, Set<number>>();
  for (const [list] of reader.getRowsJS()) {
    const numbers = list as number[];
    for (let index = 1; index < numbers.length; index++) {
      previous.set(numbers[index]!, (previous.get(numbers[index]!) ?? new Set()).add(numbers[index - 1]!));
    }
  }
  const round = new Map<number, number>();
  const rounds: MergeFile[][] = [];
  for (const file of files) {
    const r = Math.max(0, ...[...previous.get(file.file) ?? []].map((number) => round.get(number)! + 1));
    round.set(file.file, r);
    (rounds[r] ??= []).push(file);
  }
  return rounds;
}

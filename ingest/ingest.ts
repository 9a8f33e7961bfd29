import {createHash} from "node:crypto";
import type {DuckDBConnection} from "@duckdb/node-api";
import {inFile} from "../lib/errors.ts";
import {detectParser} from "./detect.ts";
import {loadedHashes, recordFile, type FileRecord, type FileStatus} from "./file-records.ts";
import {Loader, type LoadOptions, type LoadOutcome} from "./load.ts";
import type {ParseContext} from "./parser.ts";
import {expandPaths, type SourceFile} from "./source-file.ts";

export type {FileStatus} from "./file-records.ts";

export interface FileResult {
  path: string;
  format: string | null;
  status: FileStatus;
  rows: Record<string, number>;
  skipped: Record<string, number>;
  error: string | null;
}

export interface IngestOptions extends ParseContext, LoadOptions {
  onFile?: (result: FileResult, done: number, total: number) => void;
  onStart?: (total: number) => void;
}

/**
 * Ingests files, folders and zips: each file detected by content and loaded whole or not at all (small files
 * in batches, load.ts). A rejected file is recorded with its reason and never stops the others. Results come
 * in the order of the files.
 */
export async function ingestPaths(connection: DuckDBConnection, paths: string[], options: IngestOptions): Promise<FileResult[]> {
  const {files, close} = await expandPaths(paths);
  const explicit = new Set(paths);
  const results: FileResult[] = [];
  let reported = 0;
  const settle = (index: number, result: FileResult) => {
    results[index] = result;
    for (; results[reported]; reported++) options.onFile?.(results[reported]!, reported + 1, files.length);
  };
  const context: ParseContext = {zone: options.zone, secret: await pseudonymSecret(connection)};
  const loader = await Loader.for(connection, options);
  const loaded = await loadedHashes(connection);
  options.onStart?.(files.length);
  try {
    for (const [index, file] of files.entries()) {
      await ingestFile(connection, loader, file, {explicit: explicit.has(file.path), context, loaded}, (result) => settle(index, result));
    }
    await loader.flush();
  } finally {
    // why: a merge may still be running when an error ends the loop; the connection must outlive it
    await loader.idle().catch(() => {});
    close();
  }
  return results;
}

async function pseudonymSecret(connection: DuckDBConnection): Promise<string> {
  const reader = await connection.runAndReadAll("select value from meta where key = 'pseudonym_secret'");
  return String(reader.getRows()[0]?.[0]);
}

async function ingestFile(
  connection: DuckDBConnection, loader: Loader, file: SourceFile,
  {explicit, context, loaded}: {explicit: boolean; context: ParseContext; loaded: Set<string>},
  settle: (result: FileResult) => void
): Promise<void> {
  const record: FileRecord = {path: file.path, sha256: null, bytes: file.bytes, format: null, mtime: file.mtime};
  const result = (status: FileStatus, extra: Partial<FileResult> = {}): FileResult =>
    ({path: file.path, format: record.format, status, rows: {}, skipped: {}, error: null, ...extra});
  const reject = async (caught: unknown) => {
    const error = inFile(caught, file.path).message;
    await recordFile(connection, record, "rejected", {error});
    settle(result("rejected", {error}));
  };
  // why: a batch may be merging in the background; the connection takes one statement at a time
  const pass = async (status: "ignored" | "duplicate") => {
    await loader.idle();
    await recordFile(connection, record, status);
    settle(result(status));
  };
  try {
    if (file.error) throw file.error;
    const parser = await detectParser(file);
    if (!parser) {
      if (!explicit) return await pass("ignored");
      throw new Error(file.bytes === 0 ? "empty file (0 bytes)" : "no known export format matches this file's content");
    }
    record.format = parser.name;
    const sha = record.sha256 = await sha256(file);
    // why: a file staged in the current batch counts as loaded: a copy of it is a duplicate
    if (loaded.has(sha)) return await pass("duplicate");
    loaded.add(sha);
    await loader.add({
      record,
      parse: () => parser.parse(file, context),
      done: async ({report, error}: LoadOutcome) => {
        if (report) return settle(result("loaded", {rows: report.rows, skipped: report.skipped}));
        loaded.delete(sha);
        await reject(error);
      }
    });
  } catch (caught) {
    await loader.idle();
    await reject(caught);
  }
}

async function sha256(file: SourceFile): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of file.stream()) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

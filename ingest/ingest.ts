import {createHash} from "node:crypto";
import type {DuckDBConnection} from "@duckdb/node-api";
import {inFile} from "../lib/errors.ts";
import {detectParser} from "./detect.ts";
import {loadFile, recordFile, type FileRecord} from "./load.ts";
import type {ParseContext} from "./parser.ts";
import {expandPaths, type SourceFile} from "./source-file.ts";

export type FileStatus = "loaded" | "duplicate" | "rejected" | "ignored";

export interface FileResult {
  path: string;
  format: string | null;
  status: FileStatus;
  rows: Record<string, number>;
  skipped: Record<string, number>;
  error: string | null;
}

export interface IngestOptions extends ParseContext {
  /** Staged rows per merge (load.ts, defaultChunkRows). */
  chunkRows?: number;
  onFile?: (result: FileResult, done: number, total: number) => void;
  onStart?: (total: number) => void;
}

/**
 * Ingests files, folders and zips: each file detected by content and loaded in its own transaction.
 * A rejected file is recorded with its reason and never stops the others.
 */
export async function ingestPaths(connection: DuckDBConnection, paths: string[], options: IngestOptions): Promise<FileResult[]> {
  const {files, close} = await expandPaths(paths);
  const explicit = new Set(paths);
  const results: FileResult[] = [];
  const context: ParseContext = {zone: options.zone, secret: await pseudonymSecret(connection)};
  options.onStart?.(files.length);
  try {
    for (const file of files) {
      const result = await ingestFile(connection, file, explicit.has(file.path), context, options.chunkRows);
      results.push(result);
      options.onFile?.(result, results.length, files.length);
    }
  } finally {
    close();
  }
  return results;
}

async function pseudonymSecret(connection: DuckDBConnection): Promise<string> {
  const reader = await connection.runAndReadAll("select value from meta where key = 'pseudonym_secret'");
  return String(reader.getRows()[0]?.[0]);
}

async function ingestFile(
  connection: DuckDBConnection, file: SourceFile, explicit: boolean, context: ParseContext, chunkRows?: number
): Promise<FileResult> {
  const record: FileRecord = {path: file.path, sha256: null, bytes: file.bytes, format: null, mtime: file.mtime};
  const result = (status: FileStatus, extra: Partial<FileResult> = {}): FileResult =>
    ({path: file.path, format: record.format, status, rows: {}, skipped: {}, error: null, ...extra});
  try {
    if (file.error) throw file.error;
    const parser = await detectParser(file);
    if (!parser) {
      if (!explicit) {
        await recordFile(connection, record, "ignored");
        return result("ignored");
      }
      throw new Error(file.bytes === 0 ? "empty file (0 bytes)" : "no known export format matches this file's content");
    }
    record.format = parser.name;
    record.sha256 = await sha256(file);
    if (await alreadyLoaded(connection, record.sha256)) {
      await recordFile(connection, record, "duplicate");
      return result("duplicate");
    }
    const report = await loadFile(connection, record, parser.parse(file, context), {chunkRows});
    return result("loaded", {rows: report.rows, skipped: report.skipped});
  } catch (caught) {
    const error = inFile(caught, file.path).message;
    await recordFile(connection, record, "rejected", {error});
    return result("rejected", {error});
  }
}

async function sha256(file: SourceFile): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of file.stream()) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function alreadyLoaded(connection: DuckDBConnection, sha: string): Promise<boolean> {
  const reader = await connection.runAndReadAll(
    "select count(*)::integer from source_files where sha256 = $sha and status = 'loaded'", {sha});
  return Number(reader.getRows()[0]?.[0]) > 0;
}

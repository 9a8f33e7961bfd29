import {ParseError} from "../lib/errors.ts";
import {tableNames, type Platform, type Rows} from "./canonical.ts";
import type {SourceFile} from "./source-file.ts";

/** What a parser sees to decide whether it owns a file: its path and the start of its text. */
export interface Probe {
  /** The path inside its folder or zip, '/'-separated. */
  name: string;
  /** The first 64 KiB, decoded (BOM dropped). */
  head: string;
  /** Where it is (SourceFile.path), and another file beside it: for formats declared by a companion file. */
  path?: string;
  sibling?: (name: string | RegExp) => SourceFile | null;
}

export interface ParseContext {
  /** IANA time zone for exports whose times carry none (Meta Business Suite, TikTok). */
  zone: string;
  /** The warehouse's pseudonym secret, for ids that must be a keyed hash of personal data (phone numbers). */
  secret?: string;
}

/** One export format: detection by content, and a stream of canonical rows. */
export interface Parser {
  /** `<platform>-<format>`, as stored in source_files.format. */
  name: string;
  platform: Platform;
  detect(probe: Probe): boolean;
  /** Names of otherwise inert files (.html, media) this parser still wants offered, e.g. to refuse them. */
  inert?: RegExp;
  parse(file: SourceFile, context: ParseContext): AsyncIterable<Rows>;
}

/**
 * Maps numbered records to canonical rows and yields them in batches; an error in the mapping is
 * reported with the file and the record's number (or line, for line-based formats).
 */
export async function* mapRecords<T>(
  file: SourceFile,
  records: AsyncIterable<{index?: number; line?: number; value: T}>,
  map: (value: T) => Rows,
  {batchSize = 5000}: {batchSize?: number} = {}
): AsyncGenerator<Rows> {
  let batch: Required<Pick<Rows, "items" | "counts" | "authors" | "accounts" | "account_daily">> & {skipped: Record<string, number>; exported_at?: string} =
    emptyBatch();
  let size = 0;
  for await (const {index, line, value} of records) {
    let rows: Rows;
    try {
      rows = map(value);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      throw new ParseError(error.reason, {
        ...error.where, file: file.path, ...(line !== undefined ? {line} : {record: (index ?? 0) + 1})
      });
    }
    for (const key of tableNames) if (rows[key]?.length) { (batch[key] as unknown[]).push(...rows[key]!); size += rows[key]!.length; }
    for (const [rule, n] of Object.entries(rows.skipped ?? {})) batch.skipped[rule] = (batch.skipped[rule] ?? 0) + n;
    if (rows.exported_at) batch.exported_at = rows.exported_at;
    if (size >= batchSize) {
      yield batch;
      batch = emptyBatch();
      size = 0;
    }
  }
  yield batch;
}

function emptyBatch() {
  return {items: [], counts: [], authors: [], accounts: [], account_daily: [], skipped: {}};
}

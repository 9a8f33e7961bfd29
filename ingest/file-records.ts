import type {DuckDBConnection} from "@duckdb/node-api";

/** A file as source_files records it. */
export interface FileRecord {
  path: string;
  sha256: string | null;
  bytes: number;
  format: string | null;
  mtime: Date | null;
}

export type FileStatus = "loaded" | "duplicate" | "rejected" | "ignored";

/** Writes the file's row in source_files and returns its id. */
export async function recordFile(
  connection: DuckDBConnection,
  file: FileRecord,
  status: FileStatus,
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

/** Rewrites a loaded file's report: what it brought and skipped, and its export date. */
export async function updateFileReport(connection: DuckDBConnection, file_id: number, rows: object, skipped: object, exported_at: string): Promise<void> {
  await connection.run(
    "update source_files set rows_json = $rows, skipped_json = $skipped, exported_at = $exported_at::timestamptz where file_id = $file_id",
    {file_id, rows: JSON.stringify(rows), skipped: JSON.stringify(skipped), exported_at});
}

/**
 * The content hashes of the files loaded already: read once per ingest, since a query per file cost about a
 * millisecond (a few seconds for thousands of small files). 64 characters a file: a million files hold
 * about 130 MB.
 */
export async function loadedHashes(connection: DuckDBConnection): Promise<Set<string>> {
  const reader = await connection.runAndReadAll("select sha256 from source_files where status = 'loaded'");
  return new Set(reader.getRowsJS().map(([sha]) => String(sha)));
}

import type {DuckDBConnection} from "@duckdb/node-api";
import {quoteIdent} from "../../lib/duckdb.ts";

export type Row = Record<string, unknown>;

/** Canonical rows to insert directly, by table; omitted columns get harmless defaults. */
export interface Seed {
  entities?: Row[];
  entity_accounts?: Row[];
  accounts?: Row[];
  authors?: Row[];
  items?: Row[];
  item_counts?: Row[];
  account_daily?: Row[];
}

const defaults: Record<string, (row: Row) => Row> = {
  entities: () => ({kind: "comune"}),
  authors: (row) => ({pseudonym: `p-${String(row.author_id)}`, is_own: false}),
  items: (row) => ({
    kind: "post", first_seen_at: row.created_at ?? "2025-01-01T00:00:00Z", last_seen_at: row.created_at ?? "2025-01-01T00:00:00Z",
    source_file_id: 1, hashtags: [], mentions: []
  }),
  item_counts: (row) => ({metric_source: String(row.metric), source_file_id: 1}),
  account_daily: () => ({source_file_id: 1})
};

/**
 * Inserts canonical rows the way ingest would leave them (source_files rows included), each value cast to
 * its column's type; lists are bound as JSON.
 */
export async function seedWarehouse(connection: DuckDBConnection, seed: Seed): Promise<void> {
  const fileIds = new Set<number>();
  for (const [table, rows] of Object.entries(seed) as Array<[string, Row[]]>) {
    const types = new Map((await connection.runAndReadAll(
      "select column_name, data_type from information_schema.columns where table_name = $table", {table}))
      .getRows().map(([name, type]) => [String(name), String(type)]));
    for (const given of rows) {
      const row = {...defaults[table]?.(given), ...given};
      if (typeof row.source_file_id === "number") fileIds.add(row.source_file_id);
      const columns = Object.keys(row);
      const values = columns.map((c, i) => {
        const type = types.get(c);
        if (!type) throw new Error(`seed: ${table} has no column ${c}`);
        return type.endsWith("[]") ? `$v${i}::json::${type}` : `$v${i}::${type}`;
      });
      const params = Object.fromEntries(columns.map((c, i) => [`v${i}`, Array.isArray(row[c]) ? JSON.stringify(row[c]) : row[c]]));
      await connection.run(`insert into ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) values (${values.join(", ")})`, params as never);
    }
  }
  for (const id of fileIds) {
    await connection.run(`
      insert into source_files (file_id, path, bytes, status, ingested_at)
      select $id, 'fixture-' || $id, 0, 'loaded', now() where not exists (select 1 from source_files where file_id = $id)`, {id});
  }
}

import type {DuckDBConnection} from "@duckdb/node-api";
import {queryJson} from "./duckdb.ts";

/** What the warehouse holds: files by status, rows and date range per platform and table. */
export async function warehouseStatus(connection: DuckDBConnection) {
  const files = await queryJson(connection,
    "select status, count(*)::integer as files from source_files group by status order by status");
  const tables = await queryJson(connection, `
    select platform, 'items' as "table", count(*)::integer as rows,
      min(created_at)::varchar as first_at, max(created_at)::varchar as last_at from items group by platform
    union all
    select platform, 'item_counts', count(*)::integer, min(observed_at)::varchar, max(observed_at)::varchar from item_counts group by platform
    union all
    select platform, 'authors', count(*)::integer, null, null from authors group by platform
    union all
    select platform, 'accounts', count(*)::integer, null, null from accounts group by platform
    union all
    select platform, 'account_daily', count(*)::integer, min(day)::varchar, max(day)::varchar from account_daily group by platform
    order by platform, "table"`);
  const entities = await queryJson(connection, "select count(*)::integer as entities from entities");
  return {files, tables, entities: entities[0]?.entities ?? 0};
}

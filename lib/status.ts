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
  return {files, tables, entities: entities[0]?.entities ?? 0, freshness: await freshness(connection), runs: await lastRuns(connection)};
}

/**
 * How current the data is, per platform and per entity: the newest item, the date of the newest export
 * that carried data, and its age in days (a scheduled export that stopped arriving shows here first).
 */
export async function freshness(connection: DuckDBConnection) {
  return queryJson(connection, `
    with per_platform as (
      select platform, null::varchar as entity_id, max(created_at) as newest_item_at, max(last_seen_at) as newest_export_at
      from items group by platform
    ),
    per_entity as (
      select i.platform, a.entity_id, max(i.created_at), max(i.last_seen_at)
      from items i join accounts a on a.platform = i.platform and a.account_id = i.account_id
      where a.entity_id is not null
      group by all
    ),
    daily as (
      -- insights exports carry no items: their newest day is their freshness
      select d.platform, a.entity_id, max(d.day)::timestamptz, max(d.day)::timestamptz
      from account_daily d left join accounts a on a.platform = d.platform and a.account_id = d.account_id
      group by all
    ),
    unioned as (select * from per_platform union all select * from per_entity union all select * from daily)
    select platform, coalesce(entity_id, '(all)') as entity, max(newest_item_at)::varchar as newest_item_at,
      max(newest_export_at)::varchar as newest_export_at,
      (current_date - max(newest_export_at)::date)::integer as export_age_days
    from unioned group by platform, entity_id order by platform, entity_id nulls first`);
}

/** The last scheduled runs (\`ascolto run\`), newest first; empty for a warehouse that never ran one. */
export async function lastRuns(connection: DuckDBConnection, limit = 5) {
  const has = await queryJson(connection, "select count(*)::integer as n from duckdb_tables() where table_name = 'runs' and schema_name = 'main'");
  if (!has[0]?.n) return [];
  return queryJson(connection, `
    select run_id, started_at::varchar as started_at, outcome, files_loaded as loaded, files_skipped as skipped,
      files_rejected as rejected, round(epoch(finished_at - started_at), 1) as seconds, error
    from runs order by run_id desc limit $limit`, {limit});
}

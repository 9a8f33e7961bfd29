// Shared by the page loaders (not a loader itself: nothing references data/read-marts).
import type {DuckDBConnection} from "@duckdb/node-api";
import {existsSync, readFileSync} from "node:fs";
import {resolve} from "node:path";
import {withWarehouse} from "../../lib/duckdb.ts";

export type Flavour = "public" | "internal";

export interface MartQuery {
  sql: string;
  /** An empty result is normal (e.g. no campaign configured); otherwise it means a bug and the build fails. */
  mayBeEmpty?: boolean;
  /** The relation may not exist yet in an older warehouse: the key is then null. */
  optional?: boolean;
  /** Only the analysts' internal site reads it. */
  internal?: boolean;
}

/** Which site is being built, from ASCOLTO_SITE (public unless told otherwise). */
export function siteFlavour(env: NodeJS.ProcessEnv = process.env): Flavour {
  const value = env.ASCOLTO_SITE ?? "public";
  if (value !== "public" && value !== "internal") throw new Error(`ASCOLTO_SITE: ${JSON.stringify(value)} is neither public nor internal`);
  return value;
}

/** The relations a query reads: every name after `from` or `join`, less its own CTEs. */
export function relationsOf(sql: string): string[] {
  const ctes = new Set([...sql.matchAll(/\b([a-z_][a-z0-9_]*)\s+as\s*\(/gi)].map((match) => match[1]!.toLowerCase()));
  const names = [...sql.matchAll(/(?<!extract\s*\(\s*\w+\s+)\b(?:from|join)\s+([a-z_][a-z0-9_.]*)/gi)]
    .map((match) => match[1]!.toLowerCase())
    .filter((name) => !ctes.has(name));
  return [...new Set(names)];
}

// why: the public site reads the public marts only (registry, sources, clock and electoral periods included); a query
// that reads any other relation (canonical tables with handles and texts, the ledgers, configuration, internal marts)
// is refused before it runs
const publicRelation = /^(pub_[a-z0-9_]+|generate_series|unnest|range)$/;

/**
 * The last scheduled runs, the one query the public site may run outside the public marts. `runs` is operational
 * metadata (when the pipeline ran, how many files and rows, how long), not citizen data, but it also holds the
 * inbox's path, the rejected files' paths and error texts: this query names its safe columns one by one, and the
 * guard lets `runs` through for this exact text only. A run's record is written after its build, so the run that
 * is publishing (still 'running') is left out: the page shows the runs recorded before this build.
 */
export const lastRunsQuery = `select run_id,
    strftime(started_at, '%Y-%m-%dT%H:%M:%SZ') as started_at, strftime(finished_at, '%Y-%m-%dT%H:%M:%SZ') as finished_at, outcome,
    files_loaded, files_skipped, files_rejected,
    case when finished_at is not null then coalesce(try_cast(json_extract(rows_json, '$.items') as integer), 0) end as items_added,
    case when finished_at is not null then coalesce(list_sum(map_values(json_transform(rows_json, '"MAP(VARCHAR, INTEGER)"'))), 0)::integer end as rows_added,
    round(ingest_seconds, 1) as ingest_seconds, round(transform_seconds, 1) as transform_seconds, round(build_seconds, 1) as build_seconds
  from runs where outcome <> 'running' order by run_id desc limit 10`;

/** Throws when a query the public site would run reads anything but public marts (or is the last runs' query). */
export function assertPublicQuery(name: string, sql: string): void {
  if (sql === lastRunsQuery) return;
  const foreign = relationsOf(sql).filter((relation) => !publicRelation.test(relation));
  if (foreign.length) throw new Error(`loader query ${name} reads ${foreign.join(", ")}: not a public mart`);
}

/**
 * Runs one page's queries on the warehouse (read-only) and returns {key: rows}. In the public build the
 * internal queries are skipped (their key is null) and every other query must read public marts only.
 */
export async function readMarts(
  queries: Record<string, MartQuery>,
  {warehouse = process.env.ASCOLTO_WAREHOUSE, flavour = siteFlavour()}: {warehouse?: string; flavour?: Flavour} = {}
): Promise<{site: Flavour; [key: string]: unknown[] | null | Flavour}> {
  if (!warehouse) throw new Error("ASCOLTO_WAREHOUSE is not set: the loaders need the warehouse's path");
  const path = resolve(warehouse);
  return withWarehouse(path, async (connection) => {
    const result: Record<string, unknown[] | null> = {};
    for (const [name, query] of Object.entries(queries)) {
      if (query.internal && flavour !== "internal") { result[name] = null; continue; }
      if (!query.internal) assertPublicQuery(name, query.sql);
      if (query.optional && !(await relationsExist(connection, relationsOf(query.sql)))) {
        console.warn(`loader: ${name} skipped, ${relationsOf(query.sql).join(", ")} not in the warehouse`);
        result[name] = null;
        continue;
      }
      const rows = await (await connection.runAndReadAll(query.sql)).getRowObjectsJson();
      if (!rows.length && !query.mayBeEmpty) throw new Error(`loader query ${name} returned no rows from ${path}`);
      console.warn(`loader: ${name} ${rows.length} rows`);
      result[name] = rows as unknown[];
    }
    return {...result, site: flavour};
  }, {readOnly: true, memoryLimit: "1GB"});
}

async function relationsExist(connection: DuckDBConnection, names: string[]): Promise<boolean> {
  const reader = await connection.runAndReadAll("select table_name from information_schema.tables");
  const present = new Set(reader.getRows().map((row) => String(row[0]).toLowerCase()));
  return names.every((name) => present.has(name) || !/^(pub_|mart_|int_|cfg_)/.test(name));
}

/** Writes a loader's result once to stdout. */
export function emit(value: unknown): void {
  process.stdout.write(JSON.stringify(value));
}

/** Every page's common data: the entities observed, the data's latest day and the par condicio periods. */
export const commonQueries: Record<string, MartQuery> = {
  entities: {sql: "select entity_id, entity_name as name, kind, region, population, size_class from pub_entities order by population desc nulls last, entity_id"},
  // why: the data's latest day is the reference for the period filter
  clock: {sql: "select as_of_on::varchar as as_of_on, first_on::varchar as first_on from pub_clock"},
  electoral: {mayBeEmpty: true, sql: "select period_id, period_name as name, start_on::varchar as start_on, end_on::varchar as end_on, entity_ids from pub_electoral_periods order by start_on"}
};

const configDir = () => resolve(process.env.ASCOLTO_CONFIG ?? "data/config");

/** Topic labels from the taxonomy (ASCOLTO_CONFIG or data/config): {id: label}; the taxonomy is code, not data. */
export function topicLabels(dir = configDir()): Record<string, string> {
  const path = resolve(dir, "topics.json");
  if (!existsSync(path)) return {};
  const taxonomy = JSON.parse(readFileSync(path, "utf8")) as {topics?: Array<{id: string; label?: string}>};
  return Object.fromEntries((taxonomy.topics ?? []).map((topic) => [topic.id, topic.label ?? topic.id]));
}

/** A page loader: the common queries plus the page's own, written once to stdout. */
export async function emitPage(queries: Record<string, MartQuery>, extra: Record<string, unknown> = {}): Promise<void> {
  const started = performance.now();
  const data = await readMarts({...commonQueries, ...queries});
  emit({...data, topics: topicLabels(), ...extra});
  console.warn(`loader: done in ${Math.round(performance.now() - started)} ms`);
}

import type {DuckDBConnection} from "@duckdb/node-api";
import {createHash} from "node:crypto";
import {performance} from "node:perf_hooks";
import {quoteIdent, readSql, withTransaction} from "../lib/duckdb.ts";
import {analyzeItems, ensureItemText, type Analyze} from "./analyze-items.ts";
import {buildCarriedOver, closeCarryOver, openCarryOver} from "./carry-over.ts";
import {readTransformConfig, type TransformConfig} from "./config.ts";
import {dataTests, runDataTests} from "./data-tests.ts";
import {changesUrl, modelUrl, models as allModels, type Model} from "./models.ts";
import {writeSeeds} from "./seeds.ts";

export interface TransformOptions {
  configDir: string;
  analyze: Analyze;
  /** Rebuild everything, the text analysis cache included. */
  full?: boolean;
  /** Re-analyze items created on or after this local date (YYYY-MM-DD). */
  since?: string | null;
  /** Identifies the text analysis (code and taxonomy): when it differs from the last run's, every item is re-analyzed. */
  analyzerVersion?: string | null;
  /** Overrides the configuration read from configDir (tests). */
  config?: TransformConfig;
  models?: Model[];
}

export interface ModelResult {
  name: string;
  materialized: Model["materialized"];
  /** null for views, which are not computed at build time. */
  rows: number | null;
  seconds: number;
  /** The rows of unchanged keys were copied from the previous build (Model.incremental). */
  carried: boolean;
}

export interface TransformSummary {
  run_id: number;
  mode: "full" | "incremental";
  items_analyzed: number;
  models: ModelResult[];
  tests: number;
  seconds: number;
  /** Where the time went: seeds and macros, the models, the data tests, the swap. */
  phases: {setup: number; models: number; tests: number; publish: number};
}

/** A data test found offending rows: the run is rolled back and the previous marts stay. */
export class DataTestError extends Error {
  constructor(readonly failures: Array<{name: string; rows: unknown[]}>) {
    super(`data tests failed: ${failures.map((f) => `${f.name} (e.g. ${JSON.stringify(f.rows[0])})`).join("; ")}`);
    this.name = "DataTestError";
  }
}

const macrosSql = readSql(new URL("./macros.sql", import.meta.url));

const ledgerSql = `
  create table if not exists main.transform_runs (
    run_id integer primary key, started_at timestamptz not null, finished_at timestamptz not null, mode varchar not null,
    since date, max_source_file_id integer not null, items_analyzed integer not null, models integer not null,
    seconds double not null, analyzer_version varchar, build_schema varchar not null
  )`;

/** Models are built in one of two schemas in turn; main holds views on the last complete one. */
const buildSchemas = ["transform_a", "transform_b"];

/**
 * Builds every model, in order, into the schema the current marts do not use, runs the data tests, then
 * in one transaction points main's views at the new schema: a failure or a crash at any step leaves the
 * previous marts in place. Text analysis is incremental (new, changed or `since` items); so are the models
 * that declare how (Model.incremental), when the previous build came from the same code and configuration;
 * every other model is rebuilt from the canonical tables and the analysis cache (int_item_text, kept in main).
 */
export async function runTransforms(connection: DuckDBConnection, options: TransformOptions): Promise<TransformSummary> {
  const {analyze, full = false, since = null, analyzerVersion = null, models = allModels} = options;
  const config = options.config ?? readTransformConfig(options.configDir);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  await connection.run(ledgerSql);
  await ensureItemText(connection);
  const [last] = await rows(connection,
    "select max_source_file_id, analyzer_version, build_schema from main.transform_runs order by run_id desc limit 1");
  const mode = full || !last ? "full" : "incremental";
  // why: a changed lexicon or taxonomy makes every cached analysis stale, not only the new items'
  const reanalyze = mode === "full" || (analyzerVersion !== null && analyzerVersion !== (last?.[1] ?? null));
  const previous = last ? String(last[2]) : null;
  const afterFileId = Number(last?.[0] ?? 0);
  const schema = buildSchemas.find((name) => name !== previous)!;
  const [files] = await rows(connection, "select coalesce(max(file_id), 0) from main.source_files");
  await connection.run(`drop schema if exists ${quoteIdent(schema)} cascade; create schema ${quoteIdent(schema)}`);
  // why: unqualified names resolve to the new build first, then to the canonical tables and the cache in main
  await connection.run(`set search_path = '${schema},main'`);
  try {
    const years = await dataYears(connection);
    await writeSeeds(connection, config, years);
    await connection.run(macrosSql);
    const fingerprint = buildFingerprint(models, config, years);
    await connection.run(`create table ${quoteIdent(schema)}.${fingerprintTable} as select $fingerprint as fingerprint`, {fingerprint});
    // why: rows copied from a build of other code or configuration would differ from a full build's
    const carry = mode === "incremental" && previous && await readFingerprint(connection, previous) === fingerprint
      ? await openCarryOver(connection, models, {schema, previous, afterFileId}) : null;
    const setup = (performance.now() - started) / 1000;
    const results: ModelResult[] = [];
    let analyzed = 0;
    for (const model of models) {
      const t0 = performance.now();
      let count: number | null = null;
      const carried = Boolean(carry?.carried.has(model.name));
      if (model.materialized === "step") {
        analyzed = await withTransaction(connection, () =>
          analyzeItems(connection, analyze, {full: reanalyze, afterFileId, since}));
      } else if (carried) {
        count = await buildCarriedOver(connection, model, carry!);
      } else {
        const sql = readSql(modelUrl(model)).trim().replace(/;$/, "");
        const [row] = await rows(connection, `create or replace ${model.materialized} ${quoteIdent(schema)}.${quoteIdent(model.name)} as\n${sql}`);
        // why: a table's creation returns its row count; a view is not computed at build time
        if (model.materialized === "table") count = Number(row?.[0]);
      }
      results.push({name: model.name, materialized: model.materialized, rows: count, seconds: (performance.now() - t0) / 1000, carried});
    }
    if (carry) await closeCarryOver(connection);
    const built = performance.now();
    const tests = await dataTests(connection, models, schema);
    const failures = await runDataTests(connection, tests);
    if (failures.length) throw new DataTestError(failures);
    const tested = performance.now();
    const seconds = (tested - started) / 1000;
    const run = await withTransaction(connection, async () => {
      await publish(connection, schema, models);
      const [row] = await rows(connection, `
        insert into main.transform_runs
        values ((select coalesce(max(run_id), 0) + 1 from main.transform_runs), $started::timestamptz, now(), $mode, $since::date,
                $files, $analyzed, $models, $seconds, $version, $schema)
        returning run_id`,
        {started: startedAt, mode, since, files: Number(files?.[0] ?? 0), analyzed, models: results.length, seconds, version: analyzerVersion, schema});
      return Number(row?.[0]);
    });
    if (previous) await connection.run(`drop schema if exists ${quoteIdent(previous)} cascade`);
    const phases = {setup, models: (built - started) / 1000 - setup, tests: (tested - built) / 1000, publish: (performance.now() - tested) / 1000};
    return {run_id: run, mode, items_analyzed: analyzed, models: results, tests: tests.length, seconds, phases};
  } catch (error) {
    await closeCarryOver(connection).catch(() => undefined);
    await connection.run(`drop schema if exists ${quoteIdent(schema)} cascade`).catch(() => undefined);
    throw error;
  } finally {
    await connection.run("set search_path = 'main'");
  }
}

/** The build schema's one-row table naming the code and configuration it was built from. */
const fingerprintTable = "transform_fingerprint";

/** A hash of everything a build's rows follow from besides the data: model list and SQL, macros, configuration. */
function buildFingerprint(models: Model[], config: TransformConfig, years: number[]): string {
  const hash = createHash("sha256").update(JSON.stringify({models, config, years})).update(macrosSql);
  for (const model of models.filter((m) => m.materialized !== "step")) {
    hash.update(readSql(modelUrl(model)));
    if (model.incremental) hash.update(readSql(changesUrl(model)));
  }
  return hash.digest("hex");
}

async function readFingerprint(connection: DuckDBConnection, schema: string): Promise<string | null> {
  const [found] = await rows(connection,
    "select 1 from information_schema.tables where table_schema = $schema and table_name = $table", {schema, table: fingerprintTable});
  if (!found) return null;
  const [row] = await rows(connection, `select fingerprint from ${quoteIdent(schema)}.${fingerprintTable}`);
  return row ? String(row[0]) : null;
}

/** Points main's view of each SQL model at the schema just built (the caller holds the transaction). */
async function publish(connection: DuckDBConnection, schema: string, models: Model[]): Promise<void> {
  const tables = new Set((await rows(connection,
    "select table_name from information_schema.tables where table_schema = 'main' and table_type = 'BASE TABLE'")).map((r) => String(r[0])));
  const names = new Set<string>();
  for (const model of models.filter((m) => m.materialized !== "step")) {
    const name = quoteIdent(model.name);
    names.add(model.name);
    if (tables.has(model.name)) await connection.run(`drop table main.${name}`);
    await connection.run(`create or replace view main.${name} as select * from ${quoteIdent(schema)}.${name}`);
  }
  // why: the view of a model no longer built would point into the schema about to be dropped
  for (const [view, sql] of await rows(connection,
    "select view_name, sql from duckdb_views() where schema_name = 'main' and not internal and database_name = current_database()")) {
    const target = /\bfrom "?(\w+)"?\."?\w+"?\s*;?\s*$/i.exec(String(sql))?.[1];
    if (!names.has(String(view)) && buildSchemas.includes(target ?? "")) await connection.run(`drop view main.${quoteIdent(String(view))}`);
  }
}

/** The calendar years the items span (Europe/Rome), for the holiday calendar. */
async function dataYears(connection: DuckDBConnection): Promise<number[]> {
  const [span] = await rows(connection,
    "select year(min(created_at at time zone 'Europe/Rome')), year(max(created_at at time zone 'Europe/Rome')) from main.items");
  const first = Number(span?.[0] ?? new Date().getFullYear()), last = Number(span?.[1] ?? first);
  return Array.from({length: last - first + 1}, (_, i) => first + i);
}

async function rows(connection: DuckDBConnection, sql: string, values?: Record<string, unknown>) {
  return (await connection.runAndReadAll(sql, values as never)).getRows();
}

import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {quoteIdent, withTransaction} from "./duckdb.ts";
import {ConfigError} from "./errors.ts";

/** One table of a Parquet backup, as written in its manifest.json. */
export interface TableManifest {
  /** Schema (main, or a transform build schema such as transform_a) and table. */
  schema: string;
  name: string;
  rows: number;
  /** Order-independent checksum of the rows (sum of the hashes of each row's text form). */
  checksum: string;
  columns: Array<{name: string; type: string}>;
  partition_by: string[];
  /** Columns added only to partition by (month from created_at), dropped on import. */
  derived: string[];
}

export interface BackupManifest {
  format: "ascolto-parquet-1";
  exported_at: string;
  tables: TableManifest[];
  /** main's views onto a table of another schema (how transforms publish marts), recreated on import. */
  views: Array<{name: string; schema: string; table: string}>;
}

// where a table has no month column, the month of its main time column partitions it
const timeColumns = ["created_at", "observed_at", "day"];
const safeName = /^[a-z_][a-z0-9_]*$/i;
const safeType = /^[A-Z0-9_ ,()[\]]+$/i;

/**
 * Writes every table of the warehouse (canonical tables, marts, run history; views are derived and
 * left out) as Parquet under `dir`, partitioned by platform and month where the table has them, with a
 * manifest of row counts and checksums. Written beside `dir` and renamed at the end, so a half-written
 * backup never looks complete.
 */
export async function exportParquet(connection: DuckDBConnection, dir: string): Promise<BackupManifest> {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length) throw new ConfigError(`${target} is not empty: export into a new folder`);
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, {recursive: true, force: true});
  mkdirSync(partial, {recursive: true});
  const tables: TableManifest[] = [];
  try {
    for (const {schema, name} of await tableNames(connection)) {
      const file = fileName(schema, name);
      const columns = await columnsOf(connection, schema, name);
      const names = columns.map((c) => c.name);
      const time = names.includes("month") ? null : timeColumns.find((c) => names.includes(c));
      const derived = names.includes("platform") && time ? ["month"] : [];
      const partitionBy = [...(names.includes("platform") ? ["platform"] : []), ...(names.includes("month") || derived.length ? ["month"] : [])];
      const select = `select *${derived.length ? `, strftime(${quoteIdent(time!)}, '%Y-%m') as month` : ""} from ${qualified(schema, name)}`;
      const {rows, checksum} = await summarize(connection, qualified(schema, name), names);
      if (rows > 0 && partitionBy.length) {
        await connection.run(`copy (${select}) to $path (format parquet, partition_by (${partitionBy.map(quoteIdent).join(", ")}), ` +
          "write_partition_columns true)", {path: join(partial, file)});
      } else if (rows > 0) {
        await connection.run(`copy (${select}) to $path (format parquet)`, {path: join(partial, `${file}.parquet`)});
      }
      tables.push({schema, name, rows, checksum, columns, partition_by: partitionBy, derived});
    }
    const views = await publishedViews(connection, tables);
    const manifest: BackupManifest = {format: "ascolto-parquet-1", exported_at: new Date().toISOString(), tables, views};
    writeFileSync(join(partial, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    if (existsSync(target)) rmSync(target, {recursive: true});
    renameSync(partial, target);
    return manifest;
  } catch (error) {
    rmSync(partial, {recursive: true, force: true});
    throw error;
  }
}

/**
 * Reads a backup written by exportParquet into an empty warehouse, in one transaction, and checks
 * every table's row count and checksum against the manifest: any difference rolls the import back.
 */
export async function importParquet(connection: DuckDBConnection, dir: string): Promise<BackupManifest> {
  const manifest = readManifest(dir);
  const existing = new Set((await tableNames(connection)).map((t) => qualified(t.schema, t.name)));
  for (const table of manifest.tables) {
    const target = qualified(table.schema, table.name);
    if (!existing.has(target) || ["meta", "schema_migrations"].includes(table.name)) continue;
    const {rows} = await summarize(connection, target, []);
    if (rows > 0) throw new ConfigError(`the warehouse is not empty (${table.name} has ${rows} rows): import into a new warehouse file`);
  }
  await withTransaction(connection, async () => {
    for (const table of manifest.tables) {
      // the target has its own migration history; the pseudonym secret must be the backup's, or pseudonyms change
      if (table.name === "schema_migrations" && table.schema === "main") continue;
      const target = qualified(table.schema, table.name);
      if (table.schema === "main" && table.name === "meta") await connection.run("delete from meta");
      const names = table.columns.map((c) => c.name);
      if (!existing.has(target)) {
        const columns = table.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(", ");
        await connection.run(`create schema if not exists ${quoteIdent(table.schema)}`);
        await connection.run(`create table ${target} (${columns})`);
      }
      if (!table.rows) continue;
      // a warehouse from an older schema lacks the newer columns: they stay null
      const present = existing.has(target) ? new Set((await columnsOf(connection, table.schema, table.name)).map((c) => c.name)) : null;
      const wanted = present ? names.filter((n) => present.has(n)) : names;
      const file = fileName(table.schema, table.name);
      const source = table.partition_by.length ? join(dir, file, "**", "*.parquet") : join(dir, `${file}.parquet`);
      const list = wanted.map(quoteIdent).join(", ");
      await connection.run(`insert into ${target} (${list}) select ${list} from read_parquet($source, hive_partitioning = false)`,
        {source: resolve(source)});
    }
    for (const view of manifest.views ?? []) {
      await connection.run(`create or replace view main.${quoteIdent(view.name)} as select * from ${qualified(view.schema, view.table)}`);
    }
    await restartSequence(connection);
    for (const table of manifest.tables) {
      if (["meta", "schema_migrations"].includes(table.name)) continue;
      const got = await summarize(connection, qualified(table.schema, table.name), table.columns.map((c) => c.name));
      if (got.rows !== table.rows || got.checksum !== table.checksum) {
        throw new Error(`import of ${table.name} does not match the backup: ${got.rows} rows (checksum ${got.checksum}), ` +
          `the manifest says ${table.rows} (checksum ${table.checksum})`);
      }
    }
  });
  return manifest;
}

/** Row count and checksum of a table (its name as `qualified` gives it) over the given columns, in that order. */
export async function summarize(connection: DuckDBConnection, table: string, columns: string[]): Promise<{rows: number; checksum: string}> {
  const row = columns.length ? `struct_pack(${columns.map((c) => `${quoteIdent(c)} := ${quoteIdent(c)}`).join(", ")})::varchar` : "1";
  const reader = await connection.runAndReadAll(
    `select count(*)::integer, coalesce(sum(hash(${row})::hugeint), 0)::varchar from ${table}`);
  const [rows, checksum] = reader.getRows()[0]!;
  return {rows: Number(rows), checksum: String(checksum)};
}

/** The base tables of the warehouse, every schema (main, transform build schemas); temporary ones left out. */
export async function tableNames(connection: DuckDBConnection): Promise<Array<{schema: string; name: string}>> {
  const reader = await connection.runAndReadAll(`
    select schema_name, table_name from duckdb_tables()
    where not temporary and not internal and database_name = current_database() order by schema_name != 'main', schema_name, table_name`);
  return reader.getRows().map(([schema, name]) => ({schema: String(schema), name: String(name)}));
}

/** `name` in main, `"schema"."name"` elsewhere. */
export function qualified(schema: string, name: string): string {
  return schema === "main" ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

function fileName(schema: string, name: string): string {
  return schema === "main" ? name : `${schema}.${name}`;
}

async function columnsOf(connection: DuckDBConnection, schema: string, table: string): Promise<Array<{name: string; type: string}>> {
  const reader = await connection.runAndReadAll(
    "select column_name, data_type from duckdb_columns() where table_name = $table and schema_name = $schema and database_name = current_database() order by column_index",
    {table, schema});
  return reader.getRows().map(([name, type]) => ({name: String(name), type: String(type)}));
}

// The views transforms publish in main (`select * from transform_a.pub_x`) are kept as names, never as SQL.
async function publishedViews(connection: DuckDBConnection, tables: TableManifest[]): Promise<BackupManifest["views"]> {
  const reader = await connection.runAndReadAll(
    "select view_name, sql from duckdb_views() where schema_name = 'main' and not internal and not temporary and database_name = current_database()");
  const exported = new Set(tables.map((t) => `${t.schema}.${t.name}`));
  const views: BackupManifest["views"] = [];
  for (const [name, sql] of reader.getRows()) {
    const target = /\bselect \* from "?(\w+)"?\."?(\w+)"?\s*;?\s*$/i.exec(String(sql));
    if (target && target[1] !== "main" && exported.has(`${target[1]}.${target[2]}`)) views.push({name: String(name), schema: target[1]!, table: target[2]!});
  }
  return views;
}

// source_files ids come from a sequence: it must continue after the imported ids
async function restartSequence(connection: DuckDBConnection): Promise<void> {
  const reader = await connection.runAndReadAll("select coalesce(max(file_id), 0)::integer + 1 from source_files");
  const next = Number(reader.getRows()[0]![0]);
  await connection.run("drop sequence source_file_ids");
  await connection.run(`create sequence source_file_ids start ${next}`);
}

function readManifest(dir: string): BackupManifest {
  const path = join(dir, "manifest.json");
  if (!existsSync(path)) throw new ConfigError(`${path} not found: not a backup written by \`ascolto export --parquet\``);
  const manifest = JSON.parse(readFileSync(path, "utf8")) as BackupManifest;
  if (manifest.format !== "ascolto-parquet-1") throw new ConfigError(`${path}: unknown backup format ${JSON.stringify(manifest.format)}`);
  // names and types are spliced into SQL: a tampered manifest must not smuggle anything in
  for (const view of manifest.views ?? []) {
    const bad = [view.name, view.schema, view.table].find((n) => !safeName.test(n));
    if (bad !== undefined) throw new ConfigError(`${path}: unexpected name ${JSON.stringify(bad)} in view ${JSON.stringify(view.name)}`);
  }
  for (const table of manifest.tables) {
    const bad = [table.schema, table.name, ...table.columns.map((c) => c.name), ...table.partition_by].find((n) => !safeName.test(n))
      ?? table.columns.map((c) => c.type).find((t) => !safeType.test(t));
    if (bad !== undefined) throw new ConfigError(`${path}: unexpected name or type ${JSON.stringify(bad)} in table ${JSON.stringify(table.name)}`);
  }
  return manifest;
}

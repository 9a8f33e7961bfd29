import {DuckDBConnection, DuckDBInstance, type DuckDBValue} from "@duckdb/node-api";
import {mkdirSync, readdirSync, readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "migrations");

export interface OpenOptions {
  readOnly?: boolean;
  /** DuckDB's memory_limit, so its readers spill instead of growing with the input. */
  memoryLimit?: string;
}

/** Opens the warehouse (creating and migrating it when writable) and runs `fn` on one connection. */
export async function withWarehouse<T>(
  path: string,
  fn: (connection: DuckDBConnection) => Promise<T>,
  {readOnly = false, memoryLimit = "4GB"}: OpenOptions = {}
): Promise<T> {
  if (!readOnly && path !== ":memory:") mkdirSync(dirname(path), {recursive: true});
  const instance = await DuckDBInstance.create(path, {
    access_mode: readOnly ? "READ_ONLY" : "READ_WRITE",
    memory_limit: memoryLimit
  });
  const connection = await instance.connect();
  try {
    // icu is built in but not loaded; timestamps print and truncate in UTC whatever the machine's zone
    await connection.run("load icu; set TimeZone = 'UTC'");
    if (!readOnly) await migrate(connection);
    return await fn(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Runs `fn` inside one transaction: all of it is committed, or none of it. */
export async function withTransaction<T>(connection: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  await connection.run("begin transaction");
  try {
    const result = await fn();
    await connection.run("commit");
    return result;
  } catch (error) {
    await connection.run("rollback");
    throw error;
  }
}

/** Applies the migrations in lib/migrations that the warehouse has not seen, in order, each atomically. */
export async function migrate(connection: DuckDBConnection, dir = migrationsDir): Promise<string[]> {
  await connection.run(
    "create table if not exists schema_migrations (version varchar primary key, applied_at timestamptz not null)"
  );
  const done = new Set(
    (await connection.runAndReadAll("select version from schema_migrations")).getRows().map((row) => String(row[0]))
  );
  const applied: string[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".sql")).sort()) {
    const version = file.replace(/\.sql$/, "");
    if (done.has(version)) continue;
    await withTransaction(connection, async () => {
      await connection.run(readFileSync(join(dir, file), "utf8"));
      await connection.run("insert into schema_migrations values ($version, now())", {version});
    });
    applied.push(version);
  }
  return applied;
}

/** Reads a .sql file that sits beside the calling module. */
export function readSql(url: string | URL): string {
  return readFileSync(url instanceof URL ? url : fileURLToPath(url), "utf8");
}

/** Quotes an identifier that comes from a code constant, never from input. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs a query and returns its rows as JSON-safe objects (BIGINT as string, timestamps as ISO text). */
export async function queryJson(connection: DuckDBConnection, sql: string, values?: Record<string, string | number | boolean | null>) {
  const reader = await connection.runAndReadAll(sql, values as never);
  return reader.getRowObjectsJson();
}

/**
 * Runs a .sql file of several statements with named parameters: each statement is bound only to the
 * parameters it names (DuckDB binds one prepared statement at a time).
 */
export async function runScript(connection: DuckDBConnection, sql: string, params: Record<string, DuckDBValue>): Promise<void> {
  const statements = await connection.extractStatements(sql);
  for (let index = 0; index < statements.count; index++) {
    const statement = await statements.prepare(index);
    const names = Array.from({length: statement.parameterCount}, (_, i) => statement.parameterName(i + 1));
    statement.bind(Object.fromEntries(names.map((name) => [name, params[name] ?? null])));
    await statement.run();
  }
}

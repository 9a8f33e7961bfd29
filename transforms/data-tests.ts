import type {DuckDBConnection} from "@duckdb/node-api";
import {readdirSync, readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {queryJson, quoteIdent} from "../lib/duckdb.ts";
import type {Model} from "./models.ts";

export interface DataTest {
  name: string;
  /** A query returning the offending rows: none means the test passes. */
  sql: string;
}

export interface DataTestFailure {
  name: string;
  rows: Array<Record<string, unknown>>;
}

const testsDir = new URL("./tests/", import.meta.url);

/** The tests every run checks on the models of `schema`: grain keys unique and not null, pct_ columns in [0, 1], plus tests/*.sql. */
export async function dataTests(connection: DuckDBConnection, models: Model[], schema = "main"): Promise<DataTest[]> {
  const generic = models.flatMap((model): DataTest[] => {
    const keys = (model.grain ?? []).map(quoteIdent);
    if (!keys.length) return [];
    const table = quoteIdent(model.name);
    return [
      {name: `unique_${model.name}`, sql: `select ${keys.join(", ")}, count(*)::integer as n from ${table} group by all having count(*) > 1`},
      {name: `not_null_${model.name}`, sql: `select * from ${table} where ${keys.map((k) => `${k} is null`).join(" or ")}`}
    ];
  });
  const marts = new Set(models.filter((m) => m.layer === "marts").map((m) => m.name));
  const pctColumns = (await queryJson(connection,
    "select table_name, column_name from information_schema.columns where table_schema = $schema and column_name like 'pct\\_%' escape '\\' order by all",
    {schema}))
    .filter((row) => marts.has(String(row.table_name)));
  const ranges = pctColumns.map(({table_name, column_name}) => ({
    name: `range_${table_name}_${column_name}`,
    sql: `select ${quoteIdent(String(column_name))} from ${quoteIdent(String(table_name))}
          where ${quoteIdent(String(column_name))} < 0 or ${quoteIdent(String(column_name))} > 1`
  }));
  const singular = readdirSync(testsDir).filter((file) => file.endsWith(".sql")).sort()
    .map((file) => ({name: file.replace(/\.sql$/, ""), sql: readFileSync(fileURLToPath(new URL(file, testsDir)), "utf8")}));
  return [...generic, ...ranges, ...singular];
}

/** Runs the data tests and returns the failing ones with up to five offending rows each. */
export async function runDataTests(connection: DuckDBConnection, tests: DataTest[]): Promise<DataTestFailure[]> {
  const failures: DataTestFailure[] = [];
  for (const test of tests) {
    const rows = await queryJson(connection, `select * from (${test.sql.trim().replace(/;$/, "")}) limit 5`);
    if (rows.length) failures.push({name: test.name, rows});
  }
  return failures;
}

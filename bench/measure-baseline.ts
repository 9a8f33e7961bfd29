// Child process: the baseline, DuckDB's own reader loading the same records (NDJSON or CSV) into a table of a
// fresh database file, with the warehouse's memory limit. Prints one JSON line.
// Usage: npx tsx bench/measure-baseline.ts DATABASE PATH_OR_GLOB
import {DuckDBInstance} from "@duckdb/node-api";
import {performance} from "node:perf_hooks";
import {report} from "./report.ts";

const [database, source] = process.argv.slice(2);
if (!database || !source) throw new Error("usage: measure-baseline.ts DATABASE PATH_OR_GLOB");

const instance = await DuckDBInstance.create(database, {memory_limit: "4GB"});
const connection = await instance.connect();
try {
  const reader = source.endsWith(".csv") ? "read_csv($source)" : "read_json($source, format = 'newline_delimited')";
  const started = performance.now();
  await connection.run(`create table baseline as select * from ${reader}`, {source});
  await connection.run("checkpoint");
  const seconds = (performance.now() - started) / 1000;
  const rows = Number((await connection.runAndReadAll("select count(*) from baseline")).getRows()[0]![0]);
  report({seconds, rows});
} finally {
  connection.closeSync();
  instance.closeSync();
}

// Child process: ingests folders into a warehouse and prints one JSON line with what it took; the final
// checkpoint is timed too, as the baseline's is.
// Usage: npx tsx bench/measure-ingest.ts WAREHOUSE DIR...
import {performance} from "node:perf_hooks";
import {withWarehouse} from "../lib/duckdb.ts";
import {syncRegistry} from "../lib/registry.ts";
import {ingestPaths} from "../ingest/ingest.ts";
import {report} from "./report.ts";

const [warehouse, ...dirs] = process.argv.slice(2);
if (!warehouse || !dirs.length) throw new Error("usage: measure-ingest.ts WAREHOUSE DIR...");

const result = await withWarehouse(warehouse, async (connection) => {
  await syncRegistry(connection, "data/config");
  const started = performance.now();
  const files = await ingestPaths(connection, dirs, {zone: "Europe/Rome"});
  await connection.run("checkpoint");
  const seconds = (performance.now() - started) / 1000;
  const rejected = files.filter((file) => file.status === "rejected");
  if (rejected.length) throw new Error(`${rejected.length} files rejected, e.g. ${rejected[0]!.error}`);
  const sum = (table: string) => files.reduce((n, file) => n + (file.rows[table] ?? 0), 0);
  return {seconds, files: files.filter((file) => file.status === "loaded").length, items: sum("items"), counts: sum("counts")};
});
report(result);

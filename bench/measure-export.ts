// Child process: `ascolto export --parquet` (lib/backup.ts: every table as Parquet, partitioned by platform and
// month), its size, and how fast DuckDB reads the items back from it. One JSON line.
// Usage: npx tsx bench/measure-export.ts WAREHOUSE OUT_DIR
import {readdirSync, rmSync, statSync} from "node:fs";
import {join} from "node:path";
import {performance} from "node:perf_hooks";
import {exportParquet} from "../lib/backup.ts";
import {withWarehouse} from "../lib/duckdb.ts";
import {report} from "./report.ts";

const [warehouse, out] = process.argv.slice(2);
if (!warehouse || !out) throw new Error("usage: measure-export.ts WAREHOUSE OUT_DIR");
rmSync(out, {recursive: true, force: true});

const result = await withWarehouse(warehouse, async (connection) => {
  const started = performance.now();
  const manifest = await exportParquet(connection, out);
  const seconds = (performance.now() - started) / 1000;
  const readStarted = performance.now();
  // a scan that touches every row and the text column, as an analytical engine would
  const reader = await connection.runAndReadAll(`
    select count(*)::bigint, sum(length(text))::bigint, count(distinct author_id)::bigint
    from read_parquet($glob, hive_partitioning = true)`, {glob: join(out, "items", "**", "*.parquet")});
  const readSeconds = (performance.now() - readStarted) / 1000;
  return {
    seconds, read_seconds: readSeconds, items: Number(reader.getRows()[0]![0]), tables: manifest.tables.length,
    parquet_bytes: size(out), items_parquet_bytes: size(join(out, "items")), warehouse_bytes: statSync(warehouse).size
  };
}, {readOnly: true});
report(result);

function size(dir: string): number {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile()).reduce((n, entry) => n + statSync(join(entry.parentPath, entry.name)).size, 0);
}

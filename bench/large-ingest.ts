// Ingests one generated export of N items and reports throughput and peak memory (RSS sampled every
// 50 ms during the load), against a baseline measured in the same run: the RSS before the load.
// Run it at two sizes and compare: memory that grows with N is a loader that cannot stream.
// DuckDB holds a file's staged rows until its transaction commits, up to its memory_limit, then spills
// to disk: `--memory-limit` shows the peak follows the limit, not the file.
// Usage: npx tsx bench/large-ingest.ts [--items 5000000] [--format twarc|archive] [--memory-limit 4GB] [--keep DIR]
import {mkdtempSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {ingestPaths} from "../ingest/ingest.ts";
import {withWarehouse} from "../lib/duckdb.ts";
import {writeTwarcStream, writeXArchive} from "../test/ops/generate.ts";

const {values} = parseArgs({options: {
  items: {type: "string", default: "5000000"},
  format: {type: "string", default: "twarc"},
  "memory-limit": {type: "string", default: "4GB"},
  keep: {type: "string"}
}});
const items = Number(values.items);
if (!Number.isInteger(items) || items <= 0) throw new Error(`--items must be a positive integer, not ${values.items}`);
const dir = values.keep ?? mkdtempSync(join(tmpdir(), "ascolto-bench-"));
const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(0);

try {
  let t0 = performance.now();
  const path = values.format === "archive" ? join(dir, "archive") : join(dir, "stream.jsonl");
  if (values.format === "archive") await writeXArchive(path, items);
  else await writeTwarcStream(path, items);
  const bytes = values.format === "archive" ? statSync(join(path, "data", "tweets.js")).size : statSync(path).size;
  console.log(`generated ${items} items (${values.format}), ${mb(bytes)} MiB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let heap = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  }, 50);
  t0 = performance.now();
  const results = await withWarehouse(join(dir, "warehouse.duckdb"), (connection) => ingestPaths(connection, [path], {zone: "Europe/Rome"}),
    {memoryLimit: values["memory-limit"]});
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);

  const loaded = results.reduce((sum, r) => sum + (r.rows.items ?? 0), 0);
  const rejected = results.filter((r) => r.status === "rejected");
  if (rejected.length || loaded !== items) throw new Error(`expected ${items} items loaded, got ${loaded}: ${rejected.map((r) => r.error).join("; ")}`);
  console.log(`ingested in ${seconds.toFixed(1)} s: ${Math.round(items / seconds)} items/s, ${(bytes / 1024 ** 2 / seconds).toFixed(1)} MiB/s`);
  console.log(`RSS before ${mb(baseline)} MiB, peak ${mb(peak)} MiB (+${mb(peak - baseline)} MiB; ${((peak - baseline) / bytes).toFixed(2)} × the file); ` +
    `peak JS heap ${mb(heap)} MiB; DuckDB memory_limit ${values["memory-limit"]}`);
  console.log(`warehouse file ${mb(statSync(join(dir, "warehouse.duckdb")).size)} MiB`);
} finally {
  if (!values.keep) rmSync(dir, {recursive: true, force: true});
}

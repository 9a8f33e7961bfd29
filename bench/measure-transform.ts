// Child process: one transform run (full rebuild, or incremental after new files) on a warehouse. One JSON line.
// Usage: npx tsx bench/measure-transform.ts WAREHOUSE full|incremental [CONFIG_DIR]
import {performance} from "node:perf_hooks";
import {withWarehouse} from "../lib/duckdb.ts";
import {runTransforms} from "../transforms/run.ts";
import {textAnalysis} from "../transforms/cli.ts";
import {report} from "./report.ts";

const [warehouse, mode, configDir = "data/config"] = process.argv.slice(2);
if (!warehouse || (mode !== "full" && mode !== "incremental")) throw new Error("usage: measure-transform.ts WAREHOUSE full|incremental [CONFIG_DIR]");

const {analyze, version} = textAnalysis(configDir);
const started = performance.now();
const summary = await withWarehouse(warehouse, (connection) =>
  runTransforms(connection, {configDir, analyze, analyzerVersion: version, full: mode === "full"}));
const sql = summary.models.filter((m) => m.materialized !== "step");
// why: where a run's time went, for docs/scaling.md: the text step, the SQL models (slowest first), the fixed phases
report({
  seconds: (performance.now() - started) / 1000, mode: summary.mode, items_analyzed: summary.items_analyzed, models: summary.models.length,
  carried: sql.filter((m) => m.carried).length,
  text_seconds: summary.models.find((m) => m.materialized === "step")?.seconds ?? 0,
  sql_seconds: sql.reduce((sum, m) => sum + m.seconds, 0),
  ...Object.fromEntries(Object.entries(summary.phases).filter(([name]) => name !== "models").map(([name, s]) => [`${name}_seconds`, s])),
  slowest: [...sql].sort((a, b) => b.seconds - a.seconds).slice(0, 5).map((m) => `${m.name} ${m.seconds.toFixed(2)}`).join(", ")
});

import type {Command} from "commander";
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {settings} from "../lib/config.ts";
import {withWarehouse} from "../lib/duckdb.ts";
import {ConfigError} from "../lib/errors.ts";
import {printTable} from "../lib/table.ts";
import type {Analyze} from "./analyze-items.ts";
import {runTransforms, type TransformSummary} from "./run.ts";
import {AnalysisPool} from "./analysis-pool.ts";
import {analyzeText} from "./text/analyze.ts";
import {defaultTaxonomy, loadTaxonomy} from "./text/topics.ts";

/** `ascolto transform [--since DATE] [--full]`: builds the marts and prints what it built. */
export function transformCommand(program: Command): void {
  program
    .command("transform")
    .description("build the marts from the warehouse (text analysis only for new items unless --full)")
    .option("--since <date>", "also re-analyze items created on or after this date (YYYY-MM-DD, Europe/Rome)")
    .option("--full", "rebuild everything, the text analysis cache included")
    .option("--json", "print the summary as JSON")
    .action(async (options: {since?: string; full?: boolean; json?: boolean}, command: Command) => {
      if (options.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.since)) {
        throw new ConfigError(`--since: ${JSON.stringify(options.since)} is not a date (YYYY-MM-DD)`);
      }
      const config = settings(command.optsWithGlobals());
      const {analyze, version} = textAnalysis(config.configDir);
      const summary = await withWarehouse(config.warehouse, (connection) => runTransforms(connection, {
        configDir: config.configDir, analyze, analyzerVersion: version, full: options.full, since: options.since ?? null
      }));
      if (options.json) console.log(JSON.stringify(summary, null, 2));
      else printSummary(summary);
    });
}

/**
 * The text analysis with the config folder's topics.json (else the shipped one), and a version: a hash of
 * transforms/text/ and the taxonomy, so that changing either re-analyzes every item.
 */
export function textAnalysis(configDir: string): {analyze: Analyze; version: string} {
  const topicsPath = join(configDir, "topics.json");
  const taxonomy = existsSync(topicsPath) ? loadTaxonomy(topicsPath) : defaultTaxonomy();
  const hash = createHash("sha256");
  const textDir = fileURLToPath(new URL("./text/", import.meta.url));
  for (const file of readdirSync(textDir, {recursive: true, withFileTypes: true}).filter((f) => f.isFile())
    .map((f) => join(f.parentPath, f.name)).sort()) hash.update(file.slice(textDir.length)).update(readFileSync(file));
  if (existsSync(topicsPath)) hash.update(readFileSync(topicsPath));
  const analyze: Analyze = Object.assign((text: string, {isOwn}: {isOwn: boolean}) => analyzeText(text, {isOwn, taxonomy}),
    {startPool: () => new AnalysisPool({taxonomy})});
  return {analyze, version: hash.digest("hex").slice(0, 16)};
}

export function printSummary(summary: TransformSummary, write: (line: string) => void = console.log): void {
  printTable(summary.models.map((m) => ({model: m.name, as: m.materialized, rows: m.rows ?? "-", seconds: m.seconds.toFixed(2)})), write);
  write(`run ${summary.run_id} (${summary.mode}): ${summary.models.length} models, ${summary.items_analyzed} items analyzed, ` +
    `${summary.tests} data tests passed, ${summary.seconds.toFixed(1)} s`);
}

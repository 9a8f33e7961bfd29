import type {Command} from "commander";
import {SingleBar} from "cli-progress";
import {settings} from "../lib/config.ts";
import {exitCodes} from "../lib/exit-codes.ts";
import {withWarehouse} from "../lib/duckdb.ts";
import {syncRegistry} from "../lib/registry.ts";
import {ingestPaths, type FileResult} from "./ingest.ts";

/** `ascolto ingest PATH...`: loads export files, folders and zips into the warehouse. */
export function ingestCommand(program: Command): void {
  program
    .command("ingest")
    .description("load platform export files, folders or .zip archives into the warehouse")
    .argument("<paths...>", "files, folders or .zip archives")
    .option("--json", "print a machine-readable report instead of one line per file")
    .action(async (paths: string[], options: {json?: boolean}, command: Command) => {
      const results = await runIngest(paths, {...command.optsWithGlobals(), json: options.json});
      process.exitCode = results.some((r) => r.status === "rejected") ? exitCodes.rejected : exitCodes.ok;
    });
}

export async function runIngest(paths: string[], options: {warehouse?: string; config?: string; json?: boolean}): Promise<FileResult[]> {
  const config = settings({warehouse: options.warehouse, configDir: options.config});
  const bar = process.stderr.isTTY && !options.json
    ? new SingleBar({format: "{bar} {value}/{total} file {file}", clearOnComplete: true, hideCursor: true}, undefined)
    : null;
  return withWarehouse(config.warehouse, async (connection) => {
    await syncRegistry(connection, config.configDir);
    const results = await ingestPaths(connection, paths, {
      zone: config.zone,
      onStart: (total) => bar?.start(total, 0, {file: ""}),
      onFile: (result, done) => {
        bar?.update(done, {file: result.path.split("/").pop()});
        if (!options.json && result.status !== "ignored") {
          bar ? bar.stop() : undefined;
          console.log(summaryLine(result));
          if (bar && done < (bar.getTotal() ?? 0)) bar.start(bar.getTotal(), done, {file: ""});
        }
      }
    });
    bar?.stop();
    if (options.json) console.log(JSON.stringify(results, null, 2));
    else console.log(totalsLine(results));
    return results;
  });
}

/** One line per file: `loaded  x-archive  data/tweets.js  items 120, counts 240`. */
export function summaryLine(result: FileResult): string {
  const rows = Object.entries(result.rows).map(([table, n]) => `${table} ${n}`).join(", ");
  const skipped = Object.entries(result.skipped).map(([rule, n]) => `${n} skipped: ${rule}`).join("; ");
  const detail = result.status === "rejected" ? withoutPath(result.error ?? "", result.path) : [rows, skipped].filter(Boolean).join("; ");
  return [result.status.padEnd(9), (result.format ?? "-").padEnd(22), result.path, detail ?? ""].join(" ").trimEnd();
}

// The line already names the file: keep what the error says after it ("record 3: ...").
function withoutPath(error: string, path: string): string {
  return error.startsWith(path) ? error.slice(path.length).replace(/^[:,]\s*/, "") : error;
}

export function totalsLine(results: FileResult[]): string {
  const by = (status: string) => results.filter((r) => r.status === status).length;
  return `${results.length} files: ${by("loaded")} loaded, ${by("duplicate")} already loaded, ${by("rejected")} rejected, ${by("ignored")} not export data`;
}

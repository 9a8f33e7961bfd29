// Child process: builds the public site from a warehouse into OUT and measures it. One JSON line.
// Usage: npx tsx bench/measure-build.ts WAREHOUSE OUT
import {readdirSync, statSync} from "node:fs";
import {extname, join, relative} from "node:path";
import {performance} from "node:perf_hooks";
import {buildSite} from "../lib/site.ts";
import {report} from "./report.ts";

const [warehouse, out] = process.argv.slice(2);
if (!warehouse || !out) throw new Error("usage: measure-build.ts WAREHOUSE OUT");

const started = performance.now();
// Framework's output goes to stdout: keep stdout for the one result line
const log = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array) => process.stderr.write(chunk)) as typeof process.stdout.write;
await buildSite({warehouse, out});
process.stdout.write = log;
const seconds = (performance.now() - started) / 1000;

const files = [...walk(out)].map((path) => ({path: relative(out, path), bytes: statSync(path).size}));
const data = files.filter((file) => [".json", ".csv", ".parquet", ".arrow"].includes(extname(file.path)));
const heaviest = data.sort((a, b) => b.bytes - a.bytes)[0] ?? null;
report({
  seconds, dist_bytes: files.reduce((n, file) => n + file.bytes, 0), files: files.length,
  heaviest_data: heaviest?.path ?? null, heaviest_data_bytes: heaviest?.bytes ?? 0
});

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

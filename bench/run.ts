// The benchmark suite: `npm run bench -- [--items N | --scale S] [--repeat R] [--skip build,...] [--work DIR]`.
// Prints one table and writes bench/results.json. Default: about 2 million items, 3 rounds, medians.
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {tmpdir} from "node:os";
import {parseArgs} from "node:util";
import {runBench, steps, type Step} from "./suite.ts";
import {formatTable, summaryRows} from "./table.ts";

const {values} = parseArgs({options: {
  items: {type: "string"}, scale: {type: "string"}, repeat: {type: "string", default: "3"},
  skip: {type: "string", default: ""}, work: {type: "string"}, out: {type: "string", default: "bench/results.json"}
}});
// --scale multiplies the default size: 0.01 is 20,000 items, 4 is 8 million
const items = Math.round(Number(values.items ?? 2_000_000 * Number(values.scale ?? 1)));
const repeat = Number(values.repeat);
const skip = values.skip.split(",").filter(Boolean);
const unknown = skip.filter((name) => !(steps as readonly string[]).includes(name));
if (!(items > 0) || !(repeat >= 1) || unknown.length) {
  throw new Error(`bad --items/--scale (${values.items ?? values.scale}), --repeat (${values.repeat}) or --skip (${unknown.join(",")}; known: ${steps.join(",")})`);
}

const results = await runBench({
  items, repeat, skip: skip as Step[], work: values.work ?? join(tmpdir(), `ascolto-bench-${items}`), log: (line) => console.error(line)
});
writeFileSync(values.out, JSON.stringify(results, null, 2) + "\n");
const {nproc, memory_gb, cpu} = results.machine;
console.log(`ascolto bench: ${items.toLocaleString("en")} items target, median of ${repeat}; ${nproc} cores, ${memory_gb} GB, ${cpu}`);
console.log(formatTable(summaryRows(results)));
console.log(`ratios: ingest = ascolto / DuckDB's read_json or read_csv of the same records (target <= 2.0); ` +
  `text = analyzeText / wink-nlp tokenisation; incremental = +1% run / full run. Written ${values.out}`);

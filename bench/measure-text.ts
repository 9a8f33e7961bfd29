// Child process: text analysis throughput on the warehouse's own texts against wink-nlp's bare tokenisation of
// the same texts on one thread. The figure is the worker pool analyze-items.ts uses (start-up and closing
// included, a new pool every trial); analyzeText on the main thread is reported next to it. Trials alternate
// the three so a busy machine skews them alike; the median trial by pooled ratio is reported. One JSON line.
// Usage: npx tsx bench/measure-text.ts WAREHOUSE [TEXTS] [TRIALS]
import {performance} from "node:perf_hooks";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import {withWarehouse} from "../lib/duckdb.ts";
import {AnalysisPool, type AnalysisItem} from "../transforms/analysis-pool.ts";
import {analyzeText} from "../transforms/text/analyze.ts";
import {report} from "./report.ts";

const [warehouse, limit = "200000", trialsArg = "3"] = process.argv.slice(2);
if (!warehouse) throw new Error("usage: measure-text.ts WAREHOUSE [TEXTS] [TRIALS]");

const items: AnalysisItem[] = await withWarehouse(warehouse, async (connection) => {
  const reader = await connection.runAndReadAll(
    "select text from items where text is not null order by hash(platform || item_id) limit $limit", {limit: Number(limit)});
  return reader.getRows().map(([text]) => ({text: String(text), isOwn: false}));
}, {readOnly: true});
const chunkSize = 5000; // as analyze-items.ts reads them
const chunks = Array.from({length: Math.ceil(items.length / chunkSize)}, (_, i) => items.slice(i * chunkSize, (i + 1) * chunkSize));
const nlp = winkNLP(model, []);
let tokens = 0;

function seconds(work: (item: AnalysisItem) => unknown): number {
  const started = performance.now();
  for (const item of items) work(item);
  return (performance.now() - started) / 1000;
}
const tokenise = ({text}: AnalysisItem) => (tokens += nlp.readDoc(text).tokens().length());
const analyse = ({text, isOwn}: AnalysisItem) => analyzeText(text, {isOwn});

// CPU seconds of every thread beside the wall clock: on a shared machine they show whether the pool got two cores
async function pooledSeconds(): Promise<{seconds: number; cpu: number; workers: number}> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const pool = new AnalysisPool();
  try {
    let analyzed = 0;
    for await (const {results} of pool.analyzeInOrder(chunks)) analyzed += results.length;
    if (analyzed !== items.length) throw new Error(`the pool analyzed ${analyzed} of ${items.length} texts`);
  } finally {
    await pool.close();
  }
  const {user, system} = process.cpuUsage(cpu);
  return {seconds: (performance.now() - started) / 1000, cpu: (user + system) / 1e6, workers: pool.workers};
}

seconds(tokenise); // warm up the JIT and the word caches of the main thread (the workers start cold, as in a run)
seconds(analyse);
const trials = [];
for (let trial = 0; trial < Number(trialsArg); trial++) {
  tokens = 0;
  const baseline = seconds(tokenise);
  const pooled = await pooledSeconds();
  trials.push({baseline, pooled, sequential: seconds(analyse), tokens});
}
trials.sort((a, b) => b.baseline / b.pooled.seconds - a.baseline / a.pooled.seconds);
const median = trials[Math.floor(trials.length / 2)]!;
report({
  texts: items.length, tokens: median.tokens, workers: median.pooled.workers,
  seconds: median.pooled.seconds, cpu_seconds: median.pooled.cpu, baseline_seconds: median.baseline, sequential_seconds: median.sequential,
  items_per_s: items.length / median.pooled.seconds, tokens_per_s: median.tokens / median.pooled.seconds,
  baseline_items_per_s: items.length / median.baseline, sequential_items_per_s: items.length / median.sequential,
  ratio: median.baseline / median.pooled.seconds, sequential_ratio: median.baseline / median.sequential
});

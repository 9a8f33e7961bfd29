// Child process: text analysis throughput on the warehouse's own texts against wink-nlp's bare tokenisation of
// the same texts; trials alternate the two so a busy machine skews both alike. One JSON line.
// Usage: npx tsx bench/measure-text.ts WAREHOUSE [TEXTS] [TRIALS]
import {performance} from "node:perf_hooks";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import {withWarehouse} from "../lib/duckdb.ts";
import {analyzeText} from "../transforms/text/analyze.ts";
import {report} from "./report.ts";

const [warehouse, limit = "20000", trialsArg = "3"] = process.argv.slice(2);
if (!warehouse) throw new Error("usage: measure-text.ts WAREHOUSE [TEXTS] [TRIALS]");

const texts = await withWarehouse(warehouse, async (connection) => {
  const reader = await connection.runAndReadAll(
    "select text from items where text is not null order by hash(platform || item_id) limit $limit", {limit: Number(limit)});
  return reader.getRows().map((row) => String(row[0]));
}, {readOnly: true});
const nlp = winkNLP(model, []);
let tokens = 0;
const tokenise = (text: string) => (tokens += nlp.readDoc(text).tokens().length());
const analyse = (text: string) => analyzeText(text);

function seconds(work: (text: string) => unknown): number {
  const started = performance.now();
  for (const text of texts) work(text);
  return (performance.now() - started) / 1000;
}

seconds(tokenise); // warm up the JIT and the word caches
seconds(analyse);
const trials = Array.from({length: Number(trialsArg)}, () => {
  tokens = 0;
  const baseline = seconds(tokenise);
  return {baseline, analysed: seconds(analyse), tokens};
}).sort((a, b) => a.analysed / a.baseline - b.analysed / b.baseline);
const median = trials[Math.floor(trials.length / 2)]!;
report({
  texts: texts.length, tokens: median.tokens, seconds: median.analysed, baseline_seconds: median.baseline,
  items_per_s: texts.length / median.analysed, tokens_per_s: median.tokens / median.analysed,
  baseline_items_per_s: texts.length / median.baseline
});

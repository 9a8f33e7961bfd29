// Throughput of analyzeText against wink-nlp's bare tokenisation of the same texts, measured in one run, on
// one thread: the cost per text. bench/measure-text.ts measures the worker pool the transforms use.
// Trials alternate the two and the median ratio is reported, so a busy machine skews both alike.
// Usage: npx tsx bench/text.ts [trials]
import {readFileSync} from "node:fs";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import {analyzeText} from "../transforms/text/analyze.ts";

const trials = Number(process.argv[2] ?? 7);
const texts = ["dev-set.it.tsv", "dev-set.en.tsv", "heldout.it.tsv", "heldout.en.tsv"].flatMap((name) =>
  readFileSync(new URL(`../test/transforms/text/${name}`, import.meta.url), "utf8")
    .split("\n").filter((line) => line.includes("\t")).map((line) => line.split("\t")[1]!)
);
const nlp = winkNLP(model, []);
const tokenise = (text: string) => nlp.readDoc(text).tokens().out();
const analyse = (text: string) => analyzeText(text);

function itemsPerSecond(work: (text: string) => unknown, rounds = 5): number {
  const start = process.hrtime.bigint();
  for (let round = 0; round < rounds; round++) for (const text of texts) work(text);
  return (rounds * texts.length) / (Number(process.hrtime.bigint() - start) / 1e9);
}

itemsPerSecond(tokenise, 3); // warm up the JIT and the word caches
itemsPerSecond(analyse, 3);
const runs = Array.from({length: trials}, () => {
  const baseline = itemsPerSecond(tokenise);
  const analysed = itemsPerSecond(analyse);
  return {baseline, analysed, ratio: analysed / baseline};
}).sort((a, b) => a.ratio - b.ratio);
const median = runs[Math.floor(runs.length / 2)]!;
console.log(`texts: ${texts.length}, ${trials} trials of 5 rounds each`);
console.log(`wink-nlp tokenisation: ${Math.round(median.baseline)} items/s`);
console.log(`analyzeText:           ${Math.round(median.analysed)} items/s`);
console.log(`ratio (median): ${median.ratio.toFixed(2)} (target >= 0.50)`);

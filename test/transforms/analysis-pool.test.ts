import {spawnSync} from "node:child_process";
import {fileURLToPath} from "node:url";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {AnalysisPool, type AnalysisItem} from "../../transforms/analysis-pool.ts";
import {analyzeBatch} from "../../transforms/text/analyze.ts";
import {parseTaxonomy} from "../../transforms/text/topics.ts";
import type {TextAnalysis} from "../../transforms/text/types.ts";

const items: AnalysisItem[] = [
  {text: "Ancora una buca enorme in via Appia, qualcuno si farà male 😡", isOwn: false},
  {text: "Grazie della segnalazione, abbiamo inoltrato all'ufficio strade", isOwn: true},
  {text: "Thanks for fixing the streetlight so quickly! 👏👏", isOwn: false},
  {text: "", isOwn: false},
  {text: "🎉🎉🎉", isOwn: false},
  {text: "Per informazioni scriva a urp@comune.it", isOwn: true},
  {text: "A che ora apre l'anagrafe sabato? #comune", isOwn: false},
  {text: "Raccolta differenziata: da lunedì nuovi orari", isOwn: false},
  {text: "Why is the bin collection late again? Disgusting", isOwn: false}
];

const analyzed = async (pool: AnalysisPool, batches: AnalysisItem[][]) => {
  const yielded: {items: AnalysisItem[]; results: TextAnalysis[]}[] = [];
  for await (const batch of pool.analyzeInOrder(batches)) yielded.push(batch);
  return yielded;
};

describe("AnalysisPool", () => {
  const pool = new AnalysisPool({workers: 1});
  // a worker gets batches from analyzeInOrder once it is ready, which its first reply proves
  beforeAll(() => pool.analyze(items.slice(0, 1)));
  afterAll(() => pool.close());

  test("returns exactly what analyzeBatch returns, batch by batch, in order", async () => {
    // more batches than the worker queues: the main thread analyzes some, and they finish out of order
    const batches = [items.slice(0, 6), items.slice(6, 7), items.slice(7), items.slice(0, 1), items.slice(1, 3)];
    const yielded = await analyzed(pool, batches);
    expect(yielded.map((batch) => batch.items)).toEqual(batches);
    expect(yielded.map((batch) => batch.results)).toEqual(batches.map((batch) => analyzeBatch(batch)));
    expect(yielded[0]!.results.map((result) => result.reply_type)).toEqual([null, "acknowledgement", null, null, null, "redirect"]);
  });

  test("analyzes a batch in a worker, and with no worker on the main thread, alike", async () => {
    const inline = new AnalysisPool({workers: 0});
    expect(await pool.analyze(items)).toEqual(analyzeBatch(items));
    expect(await inline.analyze(items)).toEqual(analyzeBatch(items));
    expect(await analyzed(inline, [items.slice(0, 2), items.slice(2)])).toEqual([
      {items: items.slice(0, 2), results: analyzeBatch(items.slice(0, 2))}, {items: items.slice(2), results: analyzeBatch(items.slice(2))}
    ]);
  });

  test("rejects a batch whose analysis fails, naming the item, in a worker or not, and goes on", async () => {
    const bad = [items[0]!, {text: 42 as unknown as string, isOwn: false}, items[1]!];
    const message = "text analysis failed on item 2 of 3: text.includes is not a function";
    await expect(pool.analyze(bad)).rejects.toThrow(message);
    await expect(new AnalysisPool({workers: 0}).analyze(bad)).rejects.toThrow(message);
    expect(await pool.analyze(items.slice(2, 4))).toEqual(analyzeBatch(items.slice(2, 4)));
  });

  test("analyzeInOrder throws the first failing batch's error in its turn", async () => {
    const batches = [items.slice(0, 2), [{text: null as unknown as string, isOwn: false}], items.slice(2, 4), items.slice(4)];
    const yielded: TextAnalysis[][] = [];
    await expect(async () => {
      for await (const {results} of pool.analyzeInOrder(batches)) yielded.push(results);
    }).rejects.toThrow("text analysis failed on item 1 of 1: Cannot read properties of null (reading 'includes')");
    expect(yielded).toEqual([analyzeBatch(items.slice(0, 2))]);
  });
});

test("workers use the taxonomy they are given", async () => {
  const taxonomy = parseTaxonomy({topics: [{id: "lampioni", label: "Lampioni", keywords: ["lampione"]}]});
  const pool = new AnalysisPool({taxonomy, workers: 1});
  try {
    const texts = [{text: "Il lampione di via Roma è spento", isOwn: false}, {text: "Buca in via Appia", isOwn: false}];
    const results = await pool.analyze(texts);
    expect(results.map((result) => result.topics)).toEqual([["lampioni"], []]);
    expect(results).toEqual(analyzeBatch(texts, {taxonomy}));
  } finally {
    await pool.close();
  }
});

test("a closed pool rejects the batches in flight and any new one", async () => {
  const pool = new AnalysisPool({workers: 1});
  const inFlight = pool.analyze(items);
  await pool.close();
  await expect(inFlight).rejects.toThrow("analysis pool closed");
  await expect(pool.analyze(items)).rejects.toThrow("analysis pool closed");
});

// why: `npm start` and bin/ascolto.js run through the tsx CLI, where a worker's termination never reports back
const runners: Array<[string, string, string[]]> = [
  ["node --import tsx", process.execPath, ["--import", "tsx"]],
  ["the tsx CLI", fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url)), []]
];

test.each(runners)("a process whose pool is idle exits, closed or not (%s)", (_name, command, args) => {
  const dir = mkdtempSync(join(tmpdir(), "ascolto-pool-"));
  const script = join(dir, "exit.mts");
  writeFileSync(script, `
    import {AnalysisPool} from ${JSON.stringify(new URL("../../transforms/analysis-pool.ts", import.meta.url).href)};
    const closed = new AnalysisPool({workers: 1}), forgotten = new AnalysisPool({workers: 1});
    const [a, b] = await Promise.all([closed.analyze([{text: "Grazie!", isOwn: false}]), forgotten.analyze([{text: "Thanks!", isOwn: false}])]);
    await closed.close();
    console.log(a[0].sentiment.label, b[0].sentiment.label);`);
  try {
    const child = spawnSync(command, [...args, script], {encoding: "utf8", timeout: 30_000});
    expect(child.stderr.replace(/^npm warn.*\n/gm, "")).toBe("");
    expect([child.status, child.stdout]).toEqual([0, "positive positive\n"]);
  } finally {
    rmSync(dir, {recursive: true});
  }
});

import {afterEach, expect, test} from "vitest";
import {queryJson, withWarehouse} from "../../lib/duckdb.ts";
import {analyzeItems, type Analyze} from "../../transforms/analyze-items.ts";
import {textAnalysis} from "../../transforms/cli.ts";
import {AnalysisPool} from "../../transforms/analysis-pool.ts";
import {batchA, batchB, registry} from "../fixtures/transforms/comune-prova.ts";
import {tempWarehouse} from "../helpers/warehouse.ts";
import {seedAndTransform} from "./build.ts";

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

async function fixtureWarehouse(): Promise<string> {
  const warehouse = tempWarehouse();
  cleanups.push(warehouse.cleanup);
  await seedAndTransform(warehouse.path, [registry, batchA, batchB]);
  return warehouse.path;
}

test("the worker pool stores exactly what the inline analysis stores", async () => {
  const {analyze} = textAnalysis("data/config");
  // a worker that has replied once is ready, so that analyzeItems gives it chunks at once
  const pool = new AnalysisPool({workers: 1});
  await pool.analyze([{text: "Buongiorno", isOwn: false}]);
  const pooledAnalyze: Analyze = Object.assign((text: string, options: {isOwn: boolean}) => analyze(text, options), {startPool: () => pool});
  await withWarehouse(await fixtureWarehouse(), async (connection) => {
    const stored = async (analysis: Analyze, options: {poolFrom: number; chunkSize?: number}) => {
      expect(await analyzeItems(connection, analysis, {full: true, ...options})).toBe(22);
      return queryJson(connection, "select * from main.int_item_text order by item_key");
    };
    const inline = await stored(analyze, {poolFrom: Infinity});
    // chunks of 4: six chunks, more than the worker queues, so the main thread analyzes some too
    const pooled = await stored(pooledAnalyze, {poolFrom: 0, chunkSize: 4});
    expect(pooled).toEqual(inline);
    // ownership reaches the workers: the organisation's posts and replies, and only they, have a reply type
    expect(pooled.filter((row) => row.reply_type !== null).map((row) => row.item_key)).toEqual([
      "facebook:p1", "facebook:p2", "facebook:p3", "facebook:r1", "facebook:r2", "facebook:r3", "facebook:r5",
      "facebook:r6", "facebook:r7", "facebook:r8", "whatsapp:m2"
    ]);
    expect(pooled.find((row) => row.item_key === "facebook:r2")?.reply_type).toBe("redirect");
  });
});

test("a failing pool fails the step", async () => {
  const broken: Analyze = Object.assign(() => {
    throw new Error("the inline analysis must not run");
  }, {startPool: () => {
    const pool = new AnalysisPool({workers: 1});
    void pool.close();
    return pool;
  }});
  await withWarehouse(await fixtureWarehouse(), async (connection) => {
    await expect(analyzeItems(connection, broken, {full: true, poolFrom: 0})).rejects.toThrow("analysis pool closed");
  });
});

import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {afterAll, describe, expect, test} from "vitest";
import {withWarehouse} from "../../lib/duckdb.ts";
import {syncRegistry} from "../../lib/registry.ts";
import {ingestPaths} from "../../ingest/ingest.ts";
import {textAnalysis} from "../../transforms/cli.ts";
import {models} from "../../transforms/models.ts";
import {runTransforms, type TransformSummary} from "../../transforms/run.ts";
import {tempWarehouse} from "../helpers/warehouse.ts";
import {martSnapshot} from "./build.ts";

const samples = fileURLToPath(new URL("../../data/samples/", import.meta.url));
const configDir = fileURLToPath(new URL("../../data/config/", import.meta.url));
const later = ["meta-graph/facebook/borgoverde/2025-06-30", "meta-graph/facebook/valdoria/2025-06-30", "telegram", "x/valdoria"];
const earlier = ["facebook-dyi", "instagram-dyi", "meta-business-suite", "meta-graph/instagram", "meta-insights", "tiktok", "youtube",
  "x/borgoverde", "x/roccamonte", "meta-graph/facebook/borgoverde/2025-06-15", "meta-graph/facebook/valdoria/2025-06-15",
  "meta-graph/facebook/roccamonte"];
const marts = models.filter((m) => m.layer === "marts").map((m) => m.name);

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** Ingests each batch of sample folders in turn, transforming after each. */
async function build(batches: string[][]): Promise<{path: string; runs: TransformSummary[]}> {
  const warehouse = tempWarehouse();
  cleanups.push(warehouse.cleanup);
  const {analyze, version} = textAnalysis(configDir);
  const runs = await withWarehouse(warehouse.path, async (connection) => {
    await syncRegistry(connection, configDir);
    const results: TransformSummary[] = [];
    for (const batch of batches) {
      await ingestPaths(connection, batch.map((dir) => samples + dir), {zone: "Europe/Rome"});
      results.push(await runTransforms(connection, {configDir, analyze, analyzerVersion: version}));
    }
    return results;
  });
  return {path: warehouse.path, runs};
}

describe.skipIf(!existsSync(samples + "sample-manifest.json"))("the synthetic sample", () => {
  test("ingesting in two steps with an incremental transform gives the marts of one full build", async () => {
    const stepwise = await build([earlier, later]);
    const once = await build([[...earlier, ...later]]);
    expect(stepwise.runs.map((r) => r.mode)).toEqual(["full", "incremental"]);
    // the second run analyzes only what the later files brought
    expect(stepwise.runs[1]!.items_analyzed).toBeLessThan(once.runs[0]!.items_analyzed);
    expect(await martSnapshot(stepwise.path, marts)).toEqual(await martSnapshot(once.path, marts));
  });
});

import type {DuckDBConnection} from "@duckdb/node-api";
import {queryJson, withWarehouse} from "../../lib/duckdb.ts";
import {defaultHours, type TransformConfig} from "../../transforms/config.ts";
import {runTransforms, type TransformOptions, type TransformSummary} from "../../transforms/run.ts";
import {analyzeDouble} from "./analyze-double.ts";
import {seedWarehouse, type Seed} from "./seed.ts";

/** The fixture's configuration: k = 2 so that a hand-sized community shows up in public marts. */
export const fixtureConfig: TransformConfig = {
  privacyK: 2,
  dormantDays: 60,
  hours: defaultHours,
  holidays: [],
  campaigns: [{
    campaign_id: "rd", name: "Raccolta differenziata", entity_id: null, hashtags: ["raccolta"], keywords: ["sacchi"],
    start_on: "2025-03-01", end_on: "2025-03-03", tail_days: 30
  }],
  electoralPeriods: [{period_id: "amm25", name: "Amministrative 2025", start_on: "2025-03-05", end_on: "2025-03-12", entity_ids: []}]
};

/** Seeds a warehouse file with each batch in turn and runs the transforms after the last one. */
export async function seedAndTransform(
  path: string, seeds: Seed[], options: Partial<TransformOptions> = {}
): Promise<TransformSummary> {
  return withWarehouse(path, async (connection) => {
    for (const seed of seeds) await seedWarehouse(connection, seed);
    return transform(connection, options);
  });
}

export function transform(connection: DuckDBConnection, options: Partial<TransformOptions> = {}): Promise<TransformSummary> {
  return runTransforms(connection, {configDir: "/nonexistent", analyze: analyzeDouble, config: fixtureConfig, ...options});
}

/**
 * Every mart's rows, sorted, as JSON, doubles to 10 significant digits: what "same marts" means for the
 * incremental test (DuckDB's parallel sums of doubles differ in the last bits from one run to the next).
 */
export async function martSnapshot(path: string, names: string[]): Promise<Record<string, unknown[]>> {
  return withWarehouse(path, async (connection) => {
    const result: Record<string, unknown[]> = {};
    for (const name of names) {
      const rows = await queryJson(connection, `select * from "${name}" order by all`);
      result[name] = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) =>
        [k, typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(10)) : v])));
    }
    return result;
  }, {readOnly: true});
}

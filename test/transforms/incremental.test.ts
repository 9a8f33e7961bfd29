import {describe, expect, test} from "vitest";
import {withWarehouse} from "../../lib/duckdb.ts";
import {models} from "../../transforms/models.ts";
import {DataTestError} from "../../transforms/run.ts";
import {batchA, batchB, registry} from "../fixtures/transforms/comune-prova.ts";
import {query, testWarehouse} from "../helpers/warehouse.ts";
import {martSnapshot, seedAndTransform, transform} from "./build.ts";
import {seedWarehouse} from "./seed.ts";

const compared = models.filter((m) => m.layer !== "staging").map((m) => m.name);
// the text analysis cache is committed on its own (each row is keyed by its text's hash): not part of the swap
const swapped = compared.filter((name) => name !== "int_item_text");
const temp = () => testWarehouse().path;

describe("incremental runs", () => {
  test("A, transform, B, transform gives the same tables as one full build of A + B", async () => {
    const incremental = temp(), full = temp();
    const first = await seedAndTransform(incremental, [registry, batchA]);
    const second = await seedAndTransform(incremental, [batchB]);
    await seedAndTransform(full, [registry, batchA, batchB]);
    expect(first.mode).toBe("full");
    expect(second.mode).toBe("incremental");
    // batch A has 19 items with text; batch B brings 3, and only those are analyzed again
    expect([first.items_analyzed, second.items_analyzed]).toEqual([19, 3]);
    expect(await martSnapshot(incremental, compared)).toEqual(await martSnapshot(full, compared));
  });

  test("--since re-analyzes items from that date; --full re-analyzes all; results unchanged", async () => {
    const path = temp();
    await seedAndTransform(path, [registry, batchA, batchB]);
    const before = await martSnapshot(path, compared);
    const [since, again, full] = await withWarehouse(path, async (connection) => [
      await transform(connection, {since: "2025-04-01"}),
      await transform(connection),
      await transform(connection, {full: true})
    ]);
    // April: c8, c10, r8; then nothing new; then all 22
    expect([since.items_analyzed, again.items_analyzed, full.items_analyzed]).toEqual([3, 0, 22]);
    expect(await martSnapshot(path, compared)).toEqual(before);
    expect(await query(path, "select run_id, mode, max_source_file_id from transform_runs order by run_id")).toEqual([
      {run_id: 1, mode: "full", max_source_file_id: 3}, {run_id: 2, mode: "incremental", max_source_file_id: 3},
      {run_id: 3, mode: "incremental", max_source_file_id: 3}, {run_id: 4, mode: "full", max_source_file_id: 3}
    ]);
  });

  test("an item whose text changed is analyzed again", async () => {
    const path = temp();
    await seedAndTransform(path, [registry, batchA]);
    const run = await withWarehouse(path, async (connection) => {
      await connection.run("update items set text = 'Grazie, tutto risolto' where item_id = 'c4'");
      return transform(connection);
    });
    expect(run.items_analyzed).toBe(1);
    expect(await query(path, "select count(*)::integer as n from int_requests where item_id = 'c4'")).toEqual([{n: 0}]);
  });
});

describe("atomic rebuild", () => {
  test("a failing data test publishes nothing: the previous marts stay", async () => {
    const path = temp();
    await seedAndTransform(path, [registry, batchA]);
    const before = await martSnapshot(path, swapped);
    // a grain that is not unique: pub_sentiment has several rows per entity
    const broken = models.map((m) => (m.name === "pub_sentiment" ? {...m, grain: ["entity_id"]} : m));
    const error = await withWarehouse(path, async (connection) => {
      await seedWarehouse(connection, batchB);
      return transform(connection, {models: broken}).catch((e: unknown) => e);
    });
    expect(error).toBeInstanceOf(DataTestError);
    expect((error as DataTestError).failures.map((f) => f.name)).toEqual(["unique_pub_sentiment"]);
    expect(await martSnapshot(path, swapped)).toEqual(before);
    expect(await query(path, "select count(*)::integer as runs from transform_runs")).toEqual([{runs: 1}]);
    // the failed build's schema is gone; the cache kept batch B's analyses for the next run
    expect(await query(path, "select schema_name from information_schema.schemata where schema_name like 'transform_%'"))
      .toEqual([{schema_name: "transform_a"}]);
    expect(await query(path, "select count(*)::integer as n from int_item_text")).toEqual([{n: 22}]);
  });

  test("a model that fails half-way leaves the previous marts", async () => {
    const path = temp();
    await seedAndTransform(path, [registry, batchA]);
    const before = await martSnapshot(path, swapped);
    const broken = [...models.slice(0, -1), {name: "pub_missing", layer: "marts" as const, materialized: "table" as const}];
    await expect(withWarehouse(path, (connection) => transform(connection, {models: broken}))).rejects.toThrow(/pub_missing/);
    expect(await martSnapshot(path, swapped)).toEqual(before);
  });
});

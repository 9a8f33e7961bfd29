import {readdirSync, readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {queryJson, readSql, withWarehouse} from "../../lib/duckdb.ts";
import {readMetrics, renderMetrics} from "../../transforms/metrics.ts";
import {modelUrl, models} from "../../transforms/models.ts";
import {batchA, batchB, registry} from "../fixtures/transforms/comune-prova.ts";
import {query, tempWarehouse} from "../helpers/warehouse.ts";
import {seedAndTransform} from "./build.ts";

const sqlModels = models.filter((m) => m.materialized !== "step");
const source = (name: string) => readSql(modelUrl(models.find((m) => m.name === name)!));

describe("the DAG and its files", () => {
  test("every model has its file and every file is a model", () => {
    for (const layer of ["staging", "intermediate", "marts"] as const) {
      const files = readdirSync(fileURLToPath(new URL(`../../transforms/${layer}/`, import.meta.url))).filter((f) => f.endsWith(".sql"));
      expect(files.map((f) => f.replace(/\.sql$/, "")).sort()).toEqual(sqlModels.filter((m) => m.layer === layer).map((m) => m.name).sort());
    }
  });

  test("each model reads only models listed before it", () => {
    const names = models.map((m) => m.name);
    sqlModels.forEach((model) => {
      const later = names.slice(names.indexOf(model.name) + 1).filter((name) => new RegExp(`\\b${name}\\b`).test(source(model.name)));
      expect(later, model.name).toEqual([]);
    });
  });

  test("staging renames and casts only; tables declare a grain and end with select * from final", () => {
    for (const model of sqlModels) {
      const sql = source(model.name);
      expect(sql, model.name).not.toMatch(/\b(SELECT|FROM|WHERE|JOIN|GROUP BY|ORDER BY)\b/);
      if (model.layer === "staging") expect(sql, model.name).not.toMatch(/\bjoin\b|\bgroup by\b/);
      else {
        expect(sql.split("\n")[0], model.name).toMatch(/^-- grain: /);
        expect(sql.trim().endsWith("select * from final"), model.name).toBe(true);
      }
    }
  });

  test("public marts are the pub_ ones, internal marts mart_", () => {
    for (const model of models.filter((m) => m.layer === "marts")) {
      expect(model.name).toMatch(model.public ? /^pub_/ : /^mart_/);
    }
  });

  test("metrics.md is rendered from metrics.json", () => {
    expect(readFileSync(fileURLToPath(new URL("../../transforms/metrics.md", import.meta.url)), "utf8")).toBe(renderMetrics(readMetrics()));
  });
});

describe("against the fixture warehouse", () => {
  const warehouse = tempWarehouse();
  beforeAll(() => seedAndTransform(warehouse.path, [registry, batchA, batchB]));
  afterAll(() => warehouse.cleanup());

  test("every mart and column the dictionary names exists", async () => {
    const columns = new Set((await query(warehouse.path, "select table_name || '.' || column_name as c from information_schema.columns")).map((r) => r.c));
    const tables = new Set((await query(warehouse.path, "select table_name as t from information_schema.tables")).map((r) => r.t));
    const missing = readMetrics().metrics.flatMap((m) => m.marts).filter((name) => !(name.includes(".") ? columns.has(name) : tables.has(name)));
    expect(missing).toEqual([]);
  });

  test("the run is recorded", async () => {
    expect(await query(warehouse.path, "select mode, items_analyzed, models from transform_runs")).toEqual([
      {mode: "full", items_analyzed: 22, models: models.length}
    ]);
  });
});

describe("macros", () => {
  test("Wilson interval, ratio, net sentiment, redaction", async () => {
    const [row] = await withWarehouse(":memory:", async (connection) => {
      await connection.run("create table cfg_settings as select 5 as privacy_k, 60 as dormant_days");
      await connection.run(readSql(new URL("../../transforms/macros.sql", import.meta.url)));
      return queryJson(connection, `select
        wilson_low(0, 10) as lo0, wilson_high(0, 10) as hi0, wilson_low(5, 10) as lo5, wilson_high(5, 10) as hi5,
        wilson_low(1, 0) as none, ratio(1, 0) as div0, net_sentiment(3, 1) as net, net_sentiment(0, 0) as net0,
        is_small_n(9) as small, is_small_n(10) as big, privacy_k() as k,
        redact('Scrivete a mario.rossi@example.it o @mario, tel. +39 333 123 4567') as redacted`);
    });
    // 0/10: upper bound z²/n / (1 + z²/n) = 0.38416 / 1.38416; 5/10: 0.5 ± 1.96·sqrt(0.025 + 0.009604)/1.38416
    expect(row).toMatchObject({lo0: 0, none: null, div0: null, net: 0.5, net0: null, small: true, big: false, k: 5,
      redacted: "Scrivete a [email] o @[utente], tel. [numero]"});
    expect(row!.hi0).toBeCloseTo(0.38416 / 1.38416, 10);
    expect(row!.lo5).toBeCloseTo(0.236593, 5);
    expect(row!.hi5).toBeCloseTo(0.763407, 5);
  });
});

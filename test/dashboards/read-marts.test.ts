import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {assertPublicQuery, readMarts, relationsOf, siteFlavour} from "../../dashboards/data/read-marts.ts";
import {tempWarehouse} from "../helpers/warehouse.ts";

const warehouse = tempWarehouse();

beforeAll(async () => {
  const instance = await DuckDBInstance.create(warehouse.path);
  const connection = await instance.connect();
  await connection.run(`
    create table pub_care as select 'valdoria' as entity_id, 12::bigint as requests, date '2025-06-01' as month_start;
    create table mart_unanswered as select 'x' as platform, '<b>testo</b>' as excerpt;
    create table pub_empty (entity_id varchar)`);
  connection.closeSync();
  instance.closeSync();
});

afterAll(() => warehouse.cleanup());

describe("relationsOf", () => {
  it("lists what a query reads after from and join, less its CTEs and extract(… from …)", () => {
    expect(relationsOf("select * from pub_a a join pub_b b using (x) left join entities e on true")).toEqual(["pub_a", "pub_b", "entities"]);
    expect(relationsOf("with t as (select * from mart_x) select extract(hour from created_at) from t")).toEqual(["mart_x"]);
    expect(relationsOf("SELECT 1 FROM Items")).toEqual(["items"]);
  });
});

describe("assertPublicQuery", () => {
  it("lets public marts through, the registry, sources, clock and electoral periods included", () => {
    expect(() => assertPublicQuery("q", "select * from pub_sentiment join pub_entities using (x), unnest([1]) t(y)")).not.toThrow();
    expect(() => assertPublicQuery("q", "select * from pub_clock, pub_sources, pub_electoral_periods")).not.toThrow();
  });

  it("refuses canonical tables, internal marts and intermediates, naming them", () => {
    expect(() => assertPublicQuery("care", "select * from pub_a join mart_customer_care using (x)"))
      .toThrow("loader query care reads mart_customer_care: not a public mart");
    expect(() => assertPublicQuery("who", "select handle from authors")).toThrow("reads authors");
    expect(() => assertPublicQuery("x", "with t as (select * from int_items) select * from t")).toThrow("reads int_items");
  });

  it("refuses the registry, the ledgers and the configuration tables: their public marts stand in", () => {
    expect(() => assertPublicQuery("entities", "select name from entities")).toThrow("loader query entities reads entities: not a public mart");
    expect(() => assertPublicQuery("files", "select count(*) from source_files")).toThrow("reads source_files");
    expect(() => assertPublicQuery("runs", "select * from transform_runs")).toThrow("reads transform_runs");
    expect(() => assertPublicQuery("periods", "select * from cfg_electoral_periods")).toThrow("reads cfg_electoral_periods");
  });
});

describe("siteFlavour", () => {
  it("is public unless ASCOLTO_SITE says internal, and rejects anything else", () => {
    expect(siteFlavour({})).toBe("public");
    expect(siteFlavour({ASCOLTO_SITE: "internal"})).toBe("internal");
    expect(() => siteFlavour({ASCOLTO_SITE: "intern"})).toThrow('ASCOLTO_SITE: "intern" is neither public nor internal');
  });
});

describe("readMarts", () => {
  const queries = {
    care: {sql: "select entity_id, requests, month_start from pub_care"},
    open: {sql: "select excerpt from mart_unanswered", internal: true},
    later: {sql: "select * from pub_not_yet", optional: true}
  };

  it("public: JSON-safe rows, internal queries skipped, a missing optional relation is null", async () => {
    const data = await readMarts(queries, {warehouse: warehouse.path, flavour: "public"});
    expect(data).toEqual({care: [{entity_id: "valdoria", requests: "12", month_start: "2025-06-01"}], open: null, later: null, site: "public"});
    expect(() => JSON.stringify(data)).not.toThrow();
  });

  it("internal: reads the internal marts too", async () => {
    const data = await readMarts(queries, {warehouse: warehouse.path, flavour: "internal"});
    expect(data.open).toEqual([{excerpt: "<b>testo</b>"}]);
  });

  it("throws on an empty result unless the query says it may be empty", async () => {
    await expect(readMarts({none: {sql: "select * from pub_empty"}}, {warehouse: warehouse.path, flavour: "public"}))
      .rejects.toThrow(/loader query none returned no rows/);
    await expect(readMarts({none: {sql: "select * from pub_empty", mayBeEmpty: true}}, {warehouse: warehouse.path, flavour: "public"}))
      .resolves.toMatchObject({none: []});
  });

  it("refuses a public query on a non-public relation before running it, and needs a warehouse", async () => {
    await expect(readMarts({leak: {sql: "select excerpt from mart_unanswered"}}, {warehouse: warehouse.path, flavour: "public"}))
      .rejects.toThrow("loader query leak reads mart_unanswered: not a public mart");
    await expect(readMarts({}, {warehouse: "", flavour: "public"})).rejects.toThrow("ASCOLTO_WAREHOUSE is not set");
  });
});

import {DuckDBInstance} from "@duckdb/node-api";
import {readFileSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {assertPublicQuery, lastRunsQuery, readMarts, relationsOf, siteFlavour} from "../../dashboards/data/read-marts.ts";
import {tempWarehouse} from "../helpers/warehouse.ts";

const warehouse = tempWarehouse();

beforeAll(async () => {
  const instance = await DuckDBInstance.create(warehouse.path);
  const connection = await instance.connect();
  await connection.run(`
    create table pub_care as select 'valdoria' as entity_id, 12::bigint as requests, date '2025-06-01' as month_start;
    create table mart_unanswered as select 'x' as platform, '<b>testo</b>' as excerpt;
    create table pub_empty (entity_id varchar)`);
  await connection.run(readFileSync("lib/migrations/002-runs.sql", "utf8"));
  // a run that rejected a file, a failed one that left no counts, and the run being built (still running)
  await connection.run(`insert into runs values
    (1, '2025-06-30 16:10:05.123+00', '2025-06-30 16:12:40+00', '/srv/inbox-segreto', 3, 1, 1, 1,
      '[{"path": "/srv/inbox-segreto/rotto.csv", "reason": "bad header"}]', '{"items": 40, "item_counts": 80, "authors": 2}',
      4.25, 12.34, 61.06, 'rejected_files', null, 2, false),
    (2, '2025-07-01 04:00:00+00', '2025-07-01 04:00:09+00', '/srv/inbox-segreto', 0, 0, 0, 0, null, null,
      0.5, null, null, 'failed', 'disk full at /srv/inbox-segreto', 1, false),
    (3, '2025-07-02 04:00:00+00', null, '/srv/inbox-segreto', 2, 0, 0, 0, null, null, null, null, null, 'running', null, null, null)`);
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

describe("the last runs' query", () => {
  it("is the one query on runs the public site may run: naming other columns, or a changed text, is refused", () => {
    expect(() => assertPublicQuery("runs", lastRunsQuery)).not.toThrow();
    expect(() => assertPublicQuery("runs", "select inbox, error from runs")).toThrow("loader query runs reads runs: not a public mart");
    expect(() => assertPublicQuery("runs", `${lastRunsQuery} union all select * from items`)).toThrow("reads runs, items");
  });

  it("gives finished runs, newest first, in UTC ISO, with counts and seconds; never the inbox, paths or errors", async () => {
    const data = await readMarts({runs: {sql: lastRunsQuery}}, {warehouse: warehouse.path, flavour: "public"});
    expect(data.runs).toEqual([
      {run_id: 2, started_at: "2025-07-01T04:00:00Z", finished_at: "2025-07-01T04:00:09Z", outcome: "failed", files_loaded: 0, files_skipped: 0,
        files_rejected: 0, items_added: 0, rows_added: 0, ingest_seconds: 0.5, transform_seconds: null, build_seconds: null},
      {run_id: 1, started_at: "2025-06-30T16:10:05Z", finished_at: "2025-06-30T16:12:40Z", outcome: "rejected_files", files_loaded: 1, files_skipped: 1,
        files_rejected: 1, items_added: 40, rows_added: 122, ingest_seconds: 4.3, transform_seconds: 12.3, build_seconds: 61.1}
    ]);
    expect(JSON.stringify(data)).not.toMatch(/segreto|rotto|bad header|disk full/);
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

import {afterEach, beforeEach, expect, test} from "vitest";
import {withWarehouse} from "../../lib/duckdb.ts";
import {readRegistry, syncRegistry} from "../../lib/registry.ts";
import {ingestInto, query, tempWarehouse} from "../helpers/warehouse.ts";

const configDir = "test/fixtures/ingest/registry";
let warehouse: ReturnType<typeof tempWarehouse>;
beforeEach(() => {
  warehouse = tempWarehouse();
});
afterEach(() => warehouse.cleanup());

test("a comune needs only its ISTAT code: the rest comes from the ISTAT list", () => {
  const {entities, accounts} = readRegistry(configDir);
  expect(entities[0]).toEqual({
    entity_id: "trieste", name: "Comune di Trieste", kind: "comune", istat_code: "032006",
    province: "Trieste", region: "Friuli-Venezia Giulia", population: entities[0]!.population, size_class: "oltre 100.000"
  });
  expect(entities[0]!.population).toBeGreaterThan(190_000);
  expect(entities[1]).toMatchObject({entity_id: "esempio", population: 4200, size_class: "fino a 5.000"});
  expect(entities[2]).toMatchObject({kind: "regione", istat_code: null, size_class: "oltre 100.000"});
  // handles are stored lower-case without '@'
  expect(accounts[0]).toEqual({entity_id: "esempio", platform: "x", handle: "comuneesempio", account_id: null});
});

test("ingested accounts and their authors are tied to the registry by handle or id", async () => {
  await withWarehouse(warehouse.path, (connection) => syncRegistry(connection, configDir));
  await ingestInto(warehouse.path, ["test/fixtures/ingest/archive-a"]);
  expect(await query(warehouse.path, "select platform, account_id, handle, entity_id from accounts")).toEqual([
    {platform: "x", account_id: "900000000000000001", handle: "ComuneEsempio", entity_id: "esempio"}
  ]);
  expect(await query(warehouse.path, "select author_id, is_own, length(pseudonym)::int as len from authors")).toEqual([
    {author_id: "900000000000000001", is_own: true, len: 16}
  ]);
});

test("an unknown ISTAT code or entity is a configuration error naming the row", () => {
  expect(() => readRegistry("test/fixtures/ingest/registry-bad")).toThrow(
    "test/fixtures/ingest/registry-bad/entities.csv row 3: no comune has ISTAT code 999999");
});

import {cpSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterAll, describe, expect, test} from "vitest";
import {queryJson, withWarehouse} from "../../lib/duckdb.ts";
import {syncRegistry} from "../../lib/registry.ts";
import {ingestPaths} from "../../ingest/ingest.ts";
import {tempWarehouse} from "../helpers/warehouse.ts";
import {transform} from "./build.ts";

// The sample's legacy Page insights CSVs carry no page id: the parser keys each page `name:<page name>`.
const insights = fileURLToPath(new URL("../../data/samples/meta-insights/", import.meta.url));
const configDir = fileURLToPath(new URL("../../data/config/", import.meta.url));
const linked = "select account_id, entity_id from accounts where account_id like 'name:%' order by account_id";

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));
const temp = () => {
  const warehouse = tempWarehouse();
  cleanups.push(warehouse.cleanup);
  return warehouse;
};

describe("insights accounts known only by name", () => {
  test("ingested after a config sync, each page is tied to the entity of that name and its followers reach the marts", async () => {
    const {path} = temp();
    const [accounts, followers] = await withWarehouse(path, async (connection) => {
      await syncRegistry(connection, configDir);
      await ingestPaths(connection, [insights], {zone: "Europe/Rome"});
      await transform(connection);
      return [
        await queryJson(connection, linked),
        await queryJson(connection, `select entity_id, count(*)::integer as days, count(followers)::integer as with_followers
          from int_followers_daily group by all order by all`)
      ];
    });
    expect(accounts).toEqual([
      {account_id: "name:comune di borgoverde", entity_id: "borgoverde"},
      {account_id: "name:comune di roccamonte", entity_id: "roccamonte"},
      {account_id: "name:comune di valdoria", entity_id: "valdoria"}
    ]);
    // 1 January to 30 June 2025, a follower count every day
    expect(followers).toEqual(["borgoverde", "roccamonte", "valdoria"].map((entity_id) => ({entity_id, days: 181, with_followers: 181})));
  });

  test("a config sync after ingest links by an explicit name: id, by a handle, and never on a name two entities share", async () => {
    const {path, dir} = temp();
    const config = join(dir, "config");
    cpSync(configDir, config, {recursive: true});
    writeFileSync(join(config, "entities.csv"), [
      "entity_id,kind,istat_code,name,population,region,province",
      "borgoverde,comune,,Città di Borgoverde,182400,Lombardia,Borgoverde",
      "valdoria,comune,,Valdoria,14050,Toscana,Arnaldi",
      "roccamonte,comune,,Comune di Roccamonte,2310,Abruzzo,Monteferro",
      "roccamonte2,comune,,Comune di Roccamonte,1200,Molise,Altrove"
    ].join("\n"));
    writeFileSync(join(config, "accounts.csv"), [
      "entity_id,platform,handle,account_id",
      // the page's own spelling: case does not matter
      "borgoverde,facebook,,name:Comune di Borgoverde",
      "valdoria,facebook,Comune di Valdoria,"
    ].join("\n"));
    const accounts = await withWarehouse(path, async (connection) => {
      await ingestPaths(connection, [insights], {zone: "Europe/Rome"});
      await syncRegistry(connection, config);
      return queryJson(connection, linked);
    });
    expect(accounts).toEqual([
      {account_id: "name:comune di borgoverde", entity_id: "borgoverde"},
      {account_id: "name:comune di roccamonte", entity_id: null},
      {account_id: "name:comune di valdoria", entity_id: "valdoria"}
    ]);
  });
});

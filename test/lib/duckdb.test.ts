import {cpSync, mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterEach, beforeEach, expect, test} from "vitest";
import {migrate, queryJson, withTransaction, withWarehouse} from "../../lib/duckdb.ts";
import {tempWarehouse} from "../helpers/warehouse.ts";

let warehouse: ReturnType<typeof tempWarehouse>;
beforeEach(() => {
  warehouse = tempWarehouse();
});
afterEach(() => warehouse.cleanup());

test("an old warehouse upgrades in place, once, keeping its rows", async () => {
  await withWarehouse(warehouse.path, (c) => c.run("insert into entities (entity_id, name, kind) values ('a', 'A', 'comune')"));
  const dir = join(warehouse.dir, "migrations");
  mkdirSync(dir);
  cpSync("lib/migrations/001-canonical.sql", join(dir, "001-canonical.sql"));
  writeFileSync(join(dir, "002-entity-website.sql"), "alter table entities add column website varchar;");
  const applied = await withWarehouse(warehouse.path, async (c) => [await migrate(c, dir), await migrate(c, dir)]);
  expect(applied).toEqual([["002-entity-website"], []]);
  const rows = await withWarehouse(warehouse.path, (c) => queryJson(c, "select entity_id, website from entities"), {readOnly: true});
  expect(rows).toEqual([{entity_id: "a", website: null}]);
});

test("a failed transaction leaves nothing behind", async () => {
  await withWarehouse(warehouse.path, async (c) => {
    await expect(withTransaction(c, async () => {
      await c.run("insert into entities (entity_id, name, kind) values ('a', 'A', 'comune')");
      await c.run("insert into entities (entity_id, name, kind) values ('a', 'again', 'comune')");
    })).rejects.toThrow(/duplicate key/i);
    expect(await queryJson(c, "select count(*)::int as n from entities")).toEqual([{n: 0}]);
  });
});

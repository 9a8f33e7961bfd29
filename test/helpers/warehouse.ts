import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {queryJson, withWarehouse} from "../../lib/duckdb.ts";
import {ingestPaths} from "../../ingest/ingest.ts";
import {afterEach} from "vitest";

/** A fresh warehouse file in a temporary folder; `cleanup` removes it. */
export function tempWarehouse(): {path: string; dir: string; cleanup(): void} {
  const dir = mkdtempSync(join(tmpdir(), "ascolto-test-"));
  return {path: join(dir, "warehouse.duckdb"), dir, cleanup: () => rmSync(dir, {recursive: true, force: true})};
}

const cleanups: Array<() => void> = [];
// why: registered when a test file imports this module; testWarehouse's folders go after each test
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A fresh warehouse in a temporary folder, removed after the current test. */
export function testWarehouse(): {path: string; dir: string} {
  const warehouse = tempWarehouse();
  cleanups.push(warehouse.cleanup);
  return warehouse;
}

/** Ingests paths into a warehouse and returns the per-file results. */
export async function ingestInto(warehouse: string, paths: string[], zone = "Europe/Rome") {
  return withWarehouse(warehouse, (connection) => ingestPaths(connection, paths, {zone}));
}

/** Runs a read-only query and returns JSON-safe rows. */
export async function query(warehouse: string, sql: string) {
  return withWarehouse(warehouse, (connection: DuckDBConnection) => queryJson(connection, sql), {readOnly: true});
}

/** All rows a parser yields for one file, merged into one batch per table. */
export {collectRows} from "./rows.ts";

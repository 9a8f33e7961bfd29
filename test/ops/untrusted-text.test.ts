import {join} from "node:path";
import {afterEach, beforeEach, expect, test} from "vitest";
import {withWarehouse, queryJson} from "../../lib/duckdb.ts";
import {textAnalysis} from "../../transforms/cli.ts";
import {runTransforms} from "../../transforms/run.ts";
import {ingestInto, query, tempWarehouse} from "../helpers/warehouse.ts";
import {writeXArchive} from "./generate.ts";

const hostile = [
  `<script>alert("x")</script><img src=x onerror=alert(1)> <b>grassetto</b>`,
  `'); drop table items; -- e anche " or 1=1; --`,
  "controllo:\u0000\u0001\u0007\u001b[31mrosso\u001b[0m\u007f\u0085 fine",
  "\u202eerutaf al \u202c\u200f\u200e\u2066isolato\u2069 rtl",
  "🏛️".repeat(10_000),
  "${process.exit(1)} {{constructor.constructor('return 1')()}} %s%n%x \\u0000",
  "riga uno\r\nriga due\u2028riga tre\u2029fine"
];

let warehouse: ReturnType<typeof tempWarehouse>;
beforeEach(() => {
  warehouse = tempWarehouse();
});
afterEach(() => warehouse.cleanup());

test("hostile text is stored exactly as written, changes nothing else, and goes through the transforms inertly", async () => {
  const dir = join(warehouse.dir, "archive");
  await writeXArchive(dir, 0, {texts: hostile});
  const [result] = (await ingestInto(warehouse.path, [dir])).filter((r) => r.path.endsWith("tweets.js"));
  expect(result).toMatchObject({status: "loaded", rows: {items: hostile.length}});
  const rows = await query(warehouse.path, "select text from items order by item_id");
  expect(rows.map((r) => r.text)).toEqual(hostile);
  expect(await query(warehouse.path, "select count(*)::integer as n from items")).toEqual([{n: hostile.length}]);

  const {analyze, version} = textAnalysis("test/fixtures/ingest/registry");
  const started = performance.now();
  await withWarehouse(warehouse.path, (connection) =>
    runTransforms(connection, {configDir: "test/fixtures/ingest/registry", analyze, analyzerVersion: version}));
  expect(performance.now() - started).toBeLessThan(30_000);
  // every mart still reads, and the canonical text is untouched by the analysis
  const marts = await query(warehouse.path, "select table_name from information_schema.tables where table_schema = 'main' and table_name like 'pub\\_%' escape '\\'");
  expect(marts.length).toBeGreaterThan(5);
  await withWarehouse(warehouse.path, async (connection) => {
    for (const {table_name} of marts) await queryJson(connection, `select * from "${String(table_name)}"`);
  }, {readOnly: true});
  expect((await query(warehouse.path, "select text from items order by item_id")).map((r) => r.text)).toEqual(hostile);
});

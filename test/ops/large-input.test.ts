// A file larger than the loader's chunks: what DuckDB's transaction keeps in memory until it commits stays
// flat while the chunks merge, instead of growing with the file. The full-size variant, with peak RSS at 1
// to 5 million items, is bench/large-ingest.ts (docs/operations.md, "Large files").
import {DuckDBInstance} from "@duckdb/node-api";
import {join} from "node:path";
import {setTimeout as sleep} from "node:timers/promises";
import {expect, test} from "vitest";
import {ingestPaths} from "../../ingest/ingest.ts";
import {migrate} from "../../lib/duckdb.ts";
import {tempDir} from "../helpers/temp-dir.ts";
import {writeXArchive} from "./generate.ts";

const tweets = 390_000;
// an archive tweet stages 3 rows (the item, likes, shares): three chunks of 130,000 items, each more than
// one of DuckDB's row groups (122,880 rows), which is what lets an insert go straight to the file
const chunkRows = 390_000;

test("a file of three large chunks loads with DuckDB's transaction memory flat", {timeout: 180_000}, async () => {
  const dir = tempDir("ascolto-large-");
  await writeXArchive(join(dir, "archive"), tweets);
  const instance = await DuckDBInstance.create(join(dir, "warehouse.duckdb"), {memory_limit: "1GB"});
  const loader = await instance.connect();
  const watcher = await instance.connect();
  try {
    await loader.run("load icu; set TimeZone = 'UTC'");
    await migrate(loader);
    let loading = true;
    const samples: number[] = [];
    const watch = (async () => {
      while (loading) {
        const reader = await watcher.runAndReadAll(`
          select coalesce(sum(memory_usage_bytes + temporary_storage_bytes), 0)::bigint
          from duckdb_memory() where tag = 'IN_MEMORY_TABLE'`);
        samples.push(Number(reader.getRows()[0]![0]));
        await sleep(25);
      }
    })();
    const results = await ingestPaths(loader, [join(dir, "archive")], {zone: "Europe/Rome", chunkRows}).finally(() => (loading = false));
    await watch;
    expect(results.find((r) => r.path.endsWith("tweets.js"))).toMatchObject({status: "loaded", rows: {items: tweets, counts: 2 * tweets}});
    expect(samples.length).toBeGreaterThan(30);
    // why: a merge needs working memory for its chunk (100-150 MB here, released when it ends); between
    // merges, while the next chunk is parsed (most of the time, so the median), the transaction keeps
    // almost nothing. With staging tables it kept every chunk staged so far: 600 MB at 1 million tweets.
    const median = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
    expect(median).toBeLessThan(16 * 1024 ** 2);
    expect(Math.max(...samples)).toBeLessThan(256 * 1024 ** 2);
  } finally {
    watcher.closeSync();
    loader.closeSync();
    instance.closeSync();
  }
});

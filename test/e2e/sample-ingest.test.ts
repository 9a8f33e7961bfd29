import {createHash} from "node:crypto";
import {mkdtempSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {generateSample, writeSample} from "../../data/generate-sample.ts";
import {queryJson, withWarehouse} from "../../lib/duckdb.ts";
import {syncRegistry} from "../../lib/registry.ts";
import {ingestPaths, type FileResult} from "../../ingest/ingest.ts";
import {countSample, type SampleCounts} from "../data/sample-counts.ts";
import {tempWarehouse} from "../helpers/warehouse.ts";

const samples = resolve("data/samples");
const config = resolve("data/config");
/** Files no parser should claim: notices, and the parts of an X archive that hold no data. */
const notData = new Set(["README.md", "SYNTHETIC.txt", "sample-manifest.json", "personal_information.json", "Your archive.html", "README.txt", "manifest.js", "like.js"]);

type Row = Record<string, any>;
const warehouse = tempWarehouse();
let expected: SampleCounts;
let first: FileResult[];
let second: FileResult[];

async function ingest(): Promise<FileResult[]> {
  return withWarehouse(warehouse.path, async (connection) => {
    await syncRegistry(connection, config);
    return ingestPaths(connection, [samples], {zone: "Europe/Rome"});
  });
}

const sql = (text: string): Promise<Row[]> =>
  withWarehouse(warehouse.path, (connection) => queryJson(connection, text) as Promise<Row[]>, {readOnly: true});

async function perPlatform(): Promise<Row[]> {
  return sql(`
    select platform, count(*)::integer as items,
           (count(*) filter (where kind in ('comment', 'reply')))::integer as comments,
           (select count(*)::integer from authors a where a.platform = i.platform) as authors
    from items i group by platform order by platform`);
}

function expectedPerPlatform(): Row[] {
  return Object.entries(expected.platforms).sort(([a], [b]) => a.localeCompare(b)).map(([platform, t]) => ({
    platform, items: t.items.size,
    comments: t.comments.size, authors: t.authors.size
  }));
}

beforeAll(async () => {
  expected = await countSample(samples);
  first = await ingest();
});

afterAll(() => warehouse.cleanup());

describe("the synthetic sample, ingested end to end", () => {
  it("is what the generator writes today (run `npm run sample` after changing data/sample)", () => {
    const onDisk = (path: string) => createHash("sha256").update(readFileSync(join(samples, path))).digest("hex");
    const stale = generateSample().filter((f) => createHash("sha256").update(f.data).digest("hex") !== onDisk(f.path)).map((f) => f.path);
    expect(stale).toEqual([]);
  });

  it("loads every data file with its parser and rejects none", () => {
    const manifest = JSON.parse(readFileSync(join(samples, "sample-manifest.json"), "utf8")) as {files: Array<{path: string; format: string}>};
    const formatOf = new Map(manifest.files.map((f) => [f.path, f.format]));
    const problems = first.flatMap((r) => {
      const rel = r.path.slice(samples.length + 1);
      const base = rel.split(/[/!]/).pop()!;
      if (notData.has(base)) return r.status === "ignored" ? [] : [`${rel}: ${r.status} by ${r.format}, expected ignored`];
      const format = formatOf.get(rel.split("!")[0]!);
      return r.status === "loaded" && r.format === format ? [] : [`${rel}: ${r.status} by ${r.format}, expected loaded by ${format} ${r.error ?? ""}`];
    });
    expect(problems).toEqual([]);
  });

  it("holds, per platform, the items, comments and authors counted from the files themselves", async () => {
    expect(await perPlatform()).toEqual(expectedPerPlatform());
  });

  it("keeps one row per day of Page insights", async () => {
    const [row] = await sql("select count(*)::integer as n from account_daily");
    expect(row!.n).toBe(expected.accountDaily);
  });

  it("keeps the odd cases: deleted author, inert script tag, reply to a missing parent", async () => {
    const [deleted] = await sql("select count(*)::integer as n from items where platform = 'facebook' and kind in ('comment', 'reply') and author_id is null");
    expect(deleted!.n).toBe(expected.fbCommentsWithoutAuthor);
    const script = await sql("select text from items where text like '%<script>%'");
    expect(script.map((r) => r.text)).toEqual([`<script>alert(1)</script> ma il sito del comune funziona? "prenota" non va & nemmeno l'app`]);
    const [orphans] = await sql(`
      select count(*)::integer as n from items c
      where c.platform = 'x' and c.kind = 'reply' and not exists (select 1 from items p where p.platform = 'x' and p.item_id = c.parent_id)`);
    expect(orphans!.n).toBe(expected.xOrphanReplies);
    expect(expected.xOrphanReplies).toBeGreaterThan(0);
  });

  it("updates counts from the later Graph snapshot and keeps the earlier one as history", async () => {
    const latest = await sql("select item_id, value from item_counts_latest where platform = 'facebook' and metric = 'reactions' and item_id like '%\\_%' escape '\\'");
    const got = new Map(latest.map((r) => [r.item_id as string, Number(r.value)]));
    const wrong = [...expected.fbReactions].filter(([id, {late}]) => late !== undefined && got.get(id) !== late);
    expect(wrong).toEqual([]);
    const grew = [...expected.fbReactions.values()].filter((r) => r.early !== undefined && r.late! > r.early).length;
    expect(grew).toBeGreaterThan(10);
  });

  it("ties every account of data/config/accounts.csv to its comune", async () => {
    const rows = await sql("select entity_id, platform, count(*)::integer as n from accounts where entity_id is not null group by all order by all");
    const configured = readFileSync(join(config, "accounts.csv"), "utf8").split("\n").filter((l) => l && !l.startsWith("#")).slice(1)
      .map((l) => l.split(",").slice(0, 2).join(":"));
    expect(rows.map((r) => `${r.entity_id}:${r.platform}`).sort()).toEqual([...new Set(configured)].sort());
  });

  it("re-ingesting the same folder is a no-op: every loaded file is a duplicate, counts unchanged", async () => {
    const before = await perPlatform();
    second = await ingest();
    expect(second.filter((r) => r.status === "loaded").map((r) => r.path)).toEqual([]);
    expect(second.filter((r) => r.status === "duplicate").length).toBe(first.filter((r) => r.status === "loaded").length);
    expect(await perPlatform()).toEqual(before);
  });
});

describe("the generator", () => {
  it("writes identical bytes for the same seed, and different ones for another seed", () => {
    const dirs = [0, 1, 2].map(() => mkdtempSync(join(tmpdir(), "ascolto-sample-")));
    try {
      writeSample(dirs[0]!, {seed: 7, scale: 0.2});
      writeSample(dirs[1]!, {seed: 7, scale: 0.2});
      writeSample(dirs[2]!, {seed: 8, scale: 0.2});
      const digest = (dir: string) => listFiles(dir).map((f) => `${f} ${createHash("sha256").update(readFileSync(join(dir, f))).digest("hex")}`);
      expect(digest(dirs[1]!)).toEqual(digest(dirs[0]!));
      expect(digest(dirs[2]!)).not.toEqual(digest(dirs[0]!));
    } finally {
      for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
    }
  });

  it("refuses to overwrite a folder that holds something other than a sample", () => {
    const dir = mkdtempSync(join(tmpdir(), "ascolto-sample-"));
    try {
      writeSample(join(dir, "ok"), {scale: 0.05});
      expect(() => writeSample(dir, {scale: 0.05})).toThrow(/not empty and holds no previous sample/);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)]).sort();
}

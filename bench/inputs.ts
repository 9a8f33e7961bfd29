/**
 * The benchmark's inputs: the sample generator's exports of the four main formats, written chunk by chunk
 * (one seed each, so memory stays flat whatever the size), plus the same records as plain NDJSON or CSV for
 * DuckDB's own readers, the baseline.
 */
import {appendFileSync, mkdirSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {buildWorld} from "../data/sample/world.ts";
import {random} from "../data/sample/random.ts";
import {writeXArchive} from "../data/sample/write-x-archive.ts";
import {writeXv2} from "../data/sample/write-x-v2.ts";
import {writeFacebookGraph} from "../data/sample/write-meta-graph.ts";
import {writeBusinessSuiteCsv} from "../data/sample/write-meta-csv.ts";
import type {SampleFile} from "../data/sample/output.ts";
import {expandPaths} from "../ingest/source-file.ts";

/** The formats the benchmark measures, with the baseline file DuckDB reads for each. */
export const benchFormats = ["x-api-v2", "facebook-graph", "x-archive", "meta-insights-csv"] as const;
export type BenchFormat = (typeof benchFormats)[number];

export interface FormatInputs {
  format: BenchFormat;
  /** Folder ingest reads. */
  dir: string;
  /** The same records for read_json / read_csv: an NDJSON file, or a glob over the JSON Lines or CSV files themselves. */
  baseline: string;
  files: number;
  bytes: number;
}

/**
 * Items per chunk at scale 10, about: the generator's world holds posts and comments, and the formats
 * read overlapping parts of it (two Graph snapshots, twarc's includes).
 */
export const itemsPerChunk = 100_000;

function baselineOf(dir: string, format: BenchFormat): string {
  if (format === "x-api-v2") return join(dir, format, "**", "*.jsonl");
  if (format === "meta-insights-csv") return join(dir, format, "**", "*.csv");
  return join(dir, "baseline", `${format}.ndjson`);
}

/** Writes `chunks` seeds × scale 10 of the four formats under `dir`; returns what each format holds. */
export async function writeInputs(dir: string, {chunks, seed = 20250630, scale = 10}: {chunks: number; seed?: number; scale?: number}): Promise<FormatInputs[]> {
  rmSync(dir, {recursive: true, force: true});
  const inputs = new Map<BenchFormat, FormatInputs>(benchFormats.map((format) => [format, {
    format, dir: join(dir, format), baseline: baselineOf(dir, format),
    files: 0, bytes: 0
  }]));
  mkdirSync(join(dir, "baseline"), {recursive: true});
  for (let chunk = 0; chunk < chunks; chunk++) {
    for (const file of await chunkFiles(seed + chunk, scale)) {
      const input = inputs.get((file.format === "context" ? "x-archive" : file.format) as BenchFormat)!;
      const path = join(input.dir, `c${String(chunk).padStart(3, "0")}`, file.path);
      mkdirSync(dirname(path), {recursive: true});
      writeFileSync(path, file.data);
      input.files++;
      input.bytes += Buffer.byteLength(file.data);
      appendBaseline(input, file);
    }
  }
  return [...inputs.values()];
}

/** The four formats' files of one seed; the X archive unpacked, as ingest reads a folder the user unzipped. */
async function chunkFiles(seed: number, scale: number): Promise<SampleFile[]> {
  const world = buildWorld({seed, scale});
  const context = {world, rnd: random(seed).fork("writers")};
  const files: SampleFile[] = [];
  for (const comune of world.comuni) {
    files.push(...writeXv2(context, comune));
    files.push(...writeFacebookGraph(context, comune, world.snapshotAt, "2025-06-15", {since: Date.parse("2025-03-31T22:00:00Z")}));
    files.push(...writeFacebookGraph(context, comune, world.exportAt, "2025-06-30"));
    // one UI language, so that one read_csv reads every file of the baseline
    files.push(writeBusinessSuiteCsv(context, comune, "en"));
    files.push(...(await unzipped(writeXArchive(context, comune))));
  }
  return files;
}

async function unzipped(archive: SampleFile): Promise<SampleFile[]> {
  const tmp = join(process.env.TMPDIR ?? "/tmp", `ascolto-bench-${process.pid}.zip`);
  writeFileSync(tmp, archive.data);
  const {files, close} = await expandPaths([tmp]);
  const out: SampleFile[] = [];
  try {
    for (const entry of files) {
      if (!/^data\/(tweets|account|manifest)\.js$/.test(entry.innerPath)) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of entry.stream()) chunks.push(chunk as Buffer);
      out.push({...archive, path: `${archive.path.replace(/\.zip$/, "")}/${entry.innerPath}`, data: Buffer.concat(chunks),
        format: entry.innerPath === "data/tweets.js" ? "x-archive" : "context"});
    }
  } finally {
    close();
    rmSync(tmp, {force: true});
  }
  return out;
}

/**
 * Appends a JSON array file's records to its format's NDJSON baseline. JSON Lines and CSV
 * files are their own baseline (read through a glob); context files go with their data file.
 */
function appendBaseline(input: FormatInputs, file: SampleFile): void {
  if (file.format === "context" || input.format === "x-api-v2" || input.format === "meta-insights-csv") return;
  const text = Buffer.isBuffer(file.data) ? file.data.toString("utf8") : file.data;
  const json = JSON.parse(text.replace(/^[^=[{]*=\s*/, "").replace(/;\s*$/, ""));
  const records: unknown[] = Array.isArray(json) ? json : json.data;
  appendFileSync(input.baseline, records.map((record) => JSON.stringify(record)).join("\n") + "\n");
}

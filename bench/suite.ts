/**
 * The benchmark suite: every step in its own process, on the same machine and inputs, measured against a
 * baseline in the same run. Times are noisy on a shared machine; the ratios are the figures.
 */
import {cpus, totalmem} from "node:os";
import {existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {itemsPerChunk, writeInputs, type FormatInputs} from "./inputs.ts";
import {runStep, type StepResult} from "./spawn.ts";

/** The steps after ingest, which `skip` can leave out. */
export const steps = ["transform", "text", "build", "export"] as const;
export type Step = (typeof steps)[number];

export interface BenchOptions {
  items: number;
  repeat: number;
  /** Scratch folder: inputs, warehouses, builds. Inputs are kept and reused when the size matches. */
  work: string;
  skip?: Step[];
  seed?: number;
  log?: (line: string) => void;
}

const here = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

/** Runs the suite `repeat` times and returns every raw measurement with the medians. */
export async function runBench({items, repeat, work, skip = [], seed = 20250630, log = () => {}}: BenchOptions) {
  const chunks = Math.max(1, Math.round(items / itemsPerChunk));
  const scale = (10 * items) / (chunks * itemsPerChunk);
  mkdirSync(work, {recursive: true});
  log(`inputs: ${chunks} chunk(s) of the sample generator at scale ${scale.toFixed(2)} in ${work}`);
  const inputs = await cachedInputs(join(work, "inputs"), {chunks, seed, scale});
  // 1% new items for the incremental transform: another seed, so they are new ids
  const increment = await cachedInputs(join(work, "increment"), {chunks: 1, seed: seed + 10_000, scale: (10 * items * 0.01) / itemsPerChunk});
  const runs = [];
  for (let round = 1; round <= repeat; round++) {
    log(`round ${round}/${repeat}`);
    runs.push(await runRound(work, inputs, increment, new Set(skip), log));
  }
  return {
    machine: machine(), items_target: items, repeat, chunks, scale,
    inputs: inputs.map(({format, files, bytes}) => ({format, files, bytes})),
    medians: medians(runs), runs
  };
}

type Round = Record<string, StepResult>;

async function runRound(work: string, inputs: FormatInputs[], increment: FormatInputs[], skip: Set<Step>, log: (line: string) => void): Promise<Round> {
  const warehouse = join(work, "warehouse.duckdb");
  const baselineDb = join(work, "baseline.duckdb");
  const round: Round = {};
  const step = async (name: string, script: string, args: string[]) => {
    const result = await runStep(here(script), args);
    log(`  ${name}: ${result.ok ? `${result.result.seconds.toFixed(2)} s, ${result.peak_rss_mb} MB` : result.error}`);
    round[name] = result;
    return result;
  };
  for (const path of [warehouse, `${warehouse}.wal`]) rmSync(path, {force: true});
  // each format's ingest next to its baseline, so that a burst of load on the machine hits both alike
  for (const input of inputs) {
    await step(`ingest:${input.format}`, "measure-ingest.ts", [warehouse, input.dir]);
    for (const path of [baselineDb, `${baselineDb}.wal`]) rmSync(path, {force: true});
    await step(`baseline:${input.format}`, "measure-baseline.ts", [baselineDb, input.baseline]);
  }
  rmSync(baselineDb, {force: true});
  if (!skip.has("transform")) {
    await step("transform:full", "measure-transform.ts", [warehouse, "full"]);
  }
  if (!skip.has("text")) await step("text", "measure-text.ts", [warehouse]);
  if (!skip.has("build")) await step("build", "measure-build.ts", [warehouse, join(work, "dist")]);
  if (!skip.has("export")) await step("export", "measure-export.ts", [warehouse, join(work, "parquet")]);
  if (!skip.has("transform")) {
    await step("ingest:increment", "measure-ingest.ts", [warehouse, ...increment.map((input) => input.dir)]);
    await step("transform:incremental", "measure-transform.ts", [warehouse, "incremental"]);
  }
  round["warehouse"] = {ok: true, error: null, peak_rss_mb: 0, result: {seconds: 0, bytes: statSync(warehouse).size}};
  return round;
}

async function cachedInputs(dir: string, spec: {chunks: number; seed: number; scale: number}): Promise<FormatInputs[]> {
  const manifest = join(dir, "inputs.json");
  if (existsSync(manifest)) {
    const saved = JSON.parse(readFileSync(manifest, "utf8"));
    if (JSON.stringify(saved.spec) === JSON.stringify(spec)) return saved.inputs;
  }
  const inputs = await writeInputs(dir, spec);
  writeFileSync(manifest, JSON.stringify({spec, inputs}, null, 2));
  return inputs;
}

/** Per step, the median of each numeric field over the rounds that succeeded. */
function medians(runs: Round[]): Record<string, Record<string, number | string | null>> {
  const out: Record<string, Record<string, number | string | null>> = {};
  for (const name of new Set(runs.flatMap((run) => Object.keys(run)))) {
    const ok = runs.map((run) => run[name]).filter((r): r is StepResult => Boolean(r?.ok));
    if (!ok.length) {
      out[name] = {error: runs.map((run) => run[name]?.error).find(Boolean) ?? "not run"};
      continue;
    }
    const fields: Record<string, number | string | null> = {peak_rss_mb: median(ok.map((r) => r.peak_rss_mb))};
    for (const [key, value] of Object.entries(ok[0]!.result)) {
      fields[key] = typeof value === "number" ? median(ok.map((r) => Number(r.result[key]))) : value;
    }
    out[name] = fields;
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function machine() {
  const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
  return {
    nproc: cpus().length,
    memory_gb: Math.round(totalmem() / 1024 ** 3),
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown",
    node: process.version
  };
}

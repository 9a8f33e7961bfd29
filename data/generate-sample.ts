/**
 * Writes the synthetic sample: six months of three fictional comuni in every supported export format.
 * Usage: npx tsx data/generate-sample.ts [--scale N] [--out DIR] [--seed S]
 */
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {writeComune} from "./sample/plan.ts";
import {random} from "./sample/random.ts";
import {sampleReadme, syntheticNotice} from "./sample/readme.ts";
import type {SampleFile} from "./sample/output.ts";
import {buildWorld} from "./sample/world.ts";

/** Builds the world and returns every file of the sample, notices and manifest included (pure). */
export function generateSample({seed = 20250630, scale = 1}: {seed?: number; scale?: number} = {}): Array<Pick<SampleFile, "path" | "data">> {
  const world = buildWorld({seed, scale});
  const context = {world, rnd: random(seed).fork("writers")};
  const files = world.comuni.flatMap((comune) => writeComune(context, comune));
  const manifest = {
    synthetic: true, seed, scale, exported_on: "2025-06-30",
    files: files.map((f) => ({
      path: f.path, format: f.format, platform: f.platform, entity: f.entity,
      bytes: Buffer.byteLength(f.data), sha256: createHash("sha256").update(f.data).digest("hex")
    }))
  };
  return [
    ...files,
    {path: "SYNTHETIC.txt", data: syntheticNotice},
    {path: "README.md", data: sampleReadme(world, files)},
    {path: "sample-manifest.json", data: JSON.stringify(manifest, null, 2) + "\n"}
  ];
}

/** Writes the sample into `out`, replacing a previous sample there (never a folder that holds something else). */
export function writeSample(out: string, options: {seed?: number; scale?: number} = {}): number {
  if (existsSync(out) && readdirSync(out).length && !existsSync(join(out, "SYNTHETIC.txt"))) {
    throw new Error(`${out} is not empty and holds no previous sample (SYNTHETIC.txt): refusing to overwrite it`);
  }
  rmSync(out, {recursive: true, force: true});
  let bytes = 0;
  for (const file of generateSample(options)) {
    const path = join(out, file.path);
    mkdirSync(dirname(path), {recursive: true});
    writeFileSync(path, file.data);
    bytes += Buffer.byteLength(file.data);
  }
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("generate-sample.ts")) {
  const {values} = parseArgs({options: {scale: {type: "string"}, out: {type: "string"}, seed: {type: "string"}}});
  const scale = Number(values.scale ?? 1);
  const seed = Number(values.seed ?? 20250630);
  if (!(scale > 0) || !Number.isInteger(seed)) throw new Error(`bad --scale ${values.scale} or --seed ${values.seed}`);
  const out = resolve(values.out ?? "data/samples");
  const bytes = writeSample(out, {seed, scale});
  console.error(`wrote ${(bytes / 1e6).toFixed(1)} MB of synthetic sample to ${out} (seed ${seed}, scale ${scale})`);
}

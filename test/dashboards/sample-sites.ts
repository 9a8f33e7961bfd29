import {execFile} from "node:child_process";
import {copyFileSync, mkdirSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {performance} from "node:perf_hooks";
import {promisify} from "node:util";

const run = promisify(execFile);

export interface SampleSites {
  warehouse: string;
  /** The public site (ASCOLTO_SITE=public). */
  publicDir: string;
  /** The analysts' internal site, built after one scheduled run (the public one before any). */
  internalDir: string;
  /** The scheduled run's inbox: its path must not reach a site. */
  inbox: string;
  /** Seconds taken by each step. */
  seconds: {ingest: number; transform: number; buildPublic: number; run: number; buildInternal: number};
  cleanup(): void;
}

/**
 * The whole chain on the synthetic sample, through the CLI as a user runs it: ingest → transform → build public →
 * a scheduled run that finds nothing new (so that `runs` holds one record) → build internal.
 */
export async function buildSampleSites(): Promise<SampleSites> {
  const dir = mkdtempSync(join(tmpdir(), "ascolto-site-"));
  const warehouse = join(dir, "warehouse.duckdb");
  // a copy of a file the ingest loaded: the run skips it by content
  const inbox = join(dir, "inbox-privato");
  mkdirSync(inbox);
  copyFileSync("data/samples/youtube/borgoverde/videos.json", join(inbox, "videos.json"));
  const cli = async (...args: string[]) => {
    const started = performance.now();
    try {
      await run(resolve("node_modules/.bin/tsx"), ["lib/cli.ts", "--warehouse", warehouse, "--config", "data/config", ...args],
        {maxBuffer: 64 * 1024 * 1024, env: {...process.env, ASCOLTO_CONFIG: resolve("data/config")}});
    } catch (error) {
      // why: ingest exits 2 when a file is rejected; the rest is loaded and the test of the sample checks that elsewhere
      const failure = error as {code?: number; stderr?: string};
      if (!(args[0] === "ingest" && failure.code === 2)) throw new Error(`ascolto ${args.join(" ")} failed: ${failure.stderr?.slice(-2000)}`);
    }
    return (performance.now() - started) / 1000;
  };
  const seconds = {
    ingest: await cli("ingest", "data/samples"),
    transform: await cli("transform"),
    buildPublic: await cli("build", "--out", join(dir, "public")),
    run: await cli("run", "--inbox", inbox, "--no-transform", "--no-build"),
    buildInternal: await cli("build", "--internal", "--out", join(dir, "internal"))
  };
  return {warehouse, publicDir: join(dir, "public"), internalDir: join(dir, "internal"), inbox, seconds,
    cleanup: () => rmSync(dir, {recursive: true, force: true})};
}

import type {Command} from "commander";
import {runIngest} from "../ingest/cli.ts";
import {printSummary, textAnalysis} from "../transforms/cli.ts";
import {runTransforms} from "../transforms/run.ts";
import {settings} from "./config.ts";
import {withWarehouse} from "./duckdb.ts";
import {buildSite, serveSite} from "./site.ts";

/** `ascolto start`: the main job on the bundled sample (what `npm start` runs): ingest, transform, build, serve. */
export function startCommand(program: Command): void {
  program
    .command("start")
    .description("ingest the bundled synthetic sample, build the marts and the public site, and serve it")
    .option("--sample <dir>", "the sample folder", "data/samples")
    .option("--port <n>", "first port to try", process.env.PORT ?? "3000")
    .option("--no-serve", "stop after the build")
    .action(async (options: {sample: string; port: string; serve: boolean}, command: Command) => {
      const globals = command.optsWithGlobals();
      const config = settings(globals);
      await runIngest([options.sample], globals);
      const {analyze, version} = textAnalysis(config.configDir);
      const summary = await withWarehouse(config.warehouse, (connection) =>
        runTransforms(connection, {configDir: config.configDir, analyze, analyzerVersion: version, since: null}));
      printSummary(summary);
      const site = await buildSite({warehouse: config.warehouse});
      if (!options.serve) return;
      const port = await firstFreePort(Number(options.port), site);
      console.log(`\nascolto: the public site is at http://localhost:${port}/ (Ctrl-C to stop)`);
    });
}

// a developer may already have something on 3000: take the next free port rather than failing
async function firstFreePort(from: number, dir: string): Promise<number> {
  for (let port = from; port < from + 20; port++) {
    try {
      await serveSite(dir, port);
      return port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    }
  }
  throw new Error(`no free port between ${from} and ${from + 19}`);
}

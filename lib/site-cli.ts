import type {Command} from "commander";
import {performance} from "node:perf_hooks";
import {settings} from "./config.ts";
import {ConfigError} from "./errors.ts";
import {buildSite, serveSite} from "./site.ts";

/** `ascolto build [--internal] [--out DIR]` and `ascolto serve [--dir DIR] [--port N]`: the static site. */
export function siteCommands(program: Command): void {
  program
    .command("build")
    .description("build the dashboards site from the warehouse's marts (public, or --internal for the analysts)")
    .option("--internal", "the internal site: adds the unanswered requests and the electoral posts to review")
    .option("--out <dir>", "output folder (default dist/, or dist-internal/ with --internal)")
    .action(async (options: {internal?: boolean; out?: string}, command: Command) => {
      const {warehouse} = settings(command.optsWithGlobals());
      const started = performance.now();
      const output = await buildSite({warehouse, internal: options.internal, out: options.out});
      console.log(`built ${options.internal ? "internal" : "public"} site in ${output} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    });

  program
    .command("serve")
    .description("serve a built site on http://127.0.0.1")
    .option("--dir <dir>", "the built site", "dist")
    .option("--port <n>", "port", "3000")
    .action(async (options: {dir: string; port: string}) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new ConfigError(`--port: ${JSON.stringify(options.port)} is not a port number`);
      await serveSite(options.dir, port);
      console.log(`serving ${options.dir} on http://127.0.0.1:${port}/ (Ctrl-C to stop)`);
    });
}

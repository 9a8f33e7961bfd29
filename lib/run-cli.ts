import type {Command} from "commander";
import {exportParquet, importParquet} from "./backup.ts";
import {settings} from "./config.ts";
import {withWarehouse} from "./duckdb.ts";
import {exitCodeFor, type ExitCode} from "./exit-codes.ts";
import {acquireLock, lockPath, readLock, releaseAll} from "./lock.ts";
import {createLogger, logFormat, type Logger} from "./log.ts";
import {runInbox, type RunSteps} from "./run.ts";
import {buildSite} from "./site.ts";

/** Verbs that write the warehouse (or need it still while they read it): one at a time, by the lock. */
export const lockedVerbs = new Set(["ingest", "transform", "build", "run", "import", "export", "start"]);

/**
 * Registers `run`, `export` and `import`, the global `--log-format`, and the warehouse lock around
 * every verb in `lockedVerbs`. Call it after every other verb is registered.
 */
export function opsCommands(program: Command): void {
  program.option("--log-format <format>", "human or json: one JSON object per line, for schedulers (env ASCOLTO_LOG_FORMAT)");
  program.hook("preAction", (_, action) => {
    if (!lockedVerbs.has(action.name())) return;
    const {warehouse} = settings(action.optsWithGlobals());
    acquireLock(warehouse, {verb: action.name()});
    releaseOnExit();
  });
  program.hook("postAction", () => releaseAll());

  program
    .command("run")
    .description("scheduled run: ingest the inbox's new files, rebuild marts and sites, record the run")
    .requiredOption("--inbox <dir>", "folder where exports are dropped (zips and folders too)")
    .option("--internal", "also build the internal site (env ASCOLTO_INTERNAL_SITE=true)")
    .option("--no-transform", "do not rebuild the marts")
    .option("--no-build", "do not rebuild the sites")
    .option("--full", "rebuild the marts from scratch (text analysis included)")
    .option("--retry-rejected", "offer again files an earlier run rejected")
    .option("--json", "print the run record as JSON on stdout")
    .action(async (options: {inbox: string; internal?: boolean; transform: boolean; build: boolean; full?: boolean; retryRejected?: boolean; json?: boolean}, command: Command) => {
      const globals = command.optsWithGlobals();
      const config = settings({warehouse: globals.warehouse, configDir: globals.config});
      const log = loggerFor(globals);
      const steps: RunSteps = {
        transform: options.transform ? (connection) => transformStep(connection, config.configDir, options.full === true) : undefined,
        build: options.build ? (site) => buildSite({warehouse: config.warehouse, internal: site === "internal"}) : undefined
      };
      const internal = options.internal === true || process.env.ASCOLTO_INTERNAL_SITE === "true";
      const record = await runInbox({...config, inbox: options.inbox, log, steps, internal, retryRejected: options.retryRejected});
      const summary = `run ${record.run_id} ${record.outcome}: ${record.files_loaded} loaded, ${record.files_skipped} skipped, ` +
        `${record.files_rejected} rejected in ${secondsBetween(record.started_at, record.finished_at)} s`;
      log[record.exit_code ? "warn" : "info"](summary, {event: "run", ...record});
      for (const {path, reason} of record.rejected) log.warn(`rejected ${path}: ${reason}`, {event: "rejected", path, reason});
      if (options.json) console.log(JSON.stringify(record, null, 2));
      process.exitCode = record.exit_code;
    });

  program
    .command("export")
    .description("back up every table as Parquet, partitioned by platform and month, with a manifest")
    .requiredOption("--parquet <dir>", "a new (or empty) folder")
    .action(async (options: {parquet: string}, command: Command) => {
      const globals = command.optsWithGlobals();
      const {warehouse} = settings({warehouse: globals.warehouse});
      const manifest = await withWarehouse(warehouse, (connection) => exportParquet(connection, options.parquet), {readOnly: true});
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      loggerFor(globals).info(`exported ${manifest.tables.length} tables, ${rows} rows, to ${options.parquet}`, {event: "export", tables: manifest.tables.length, rows});
    });

  program
    .command("import")
    .description("restore a Parquet backup (from `export --parquet`) into a new, empty warehouse")
    .argument("<dir>", "the backup folder")
    .action(async (dir: string, _options: object, command: Command) => {
      const globals = command.optsWithGlobals();
      const {warehouse} = settings({warehouse: globals.warehouse});
      const manifest = await withWarehouse(warehouse, (connection) => importParquet(connection, dir));
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      loggerFor(globals).info(`imported ${manifest.tables.length} tables, ${rows} rows, into ${warehouse}; counts and checksums match`, {event: "import", tables: manifest.tables.length, rows});
    });
}

/** Reports the error that ended a verb (naming the lock holder when DuckDB's own lock refused) and returns the exit code. */
export function reportFailure(error: unknown, program: Command): ExitCode {
  const globals = program.opts();
  let message = (error as Error)?.message ?? String(error);
  if (/could not set lock on file/i.test(message)) {
    const holder = readLock(lockPath(settings({warehouse: globals.warehouse}).warehouse));
    if (holder) message = `another ascolto ${holder.verb} holds the warehouse since ${holder.started_at} (pid ${holder.pid}): try again when it has finished`;
  }
  const code = exitCodeFor(error);
  try {
    loggerFor(globals).error(`ascolto: ${message}`, {event: "error", exit_code: code});
  } catch {
    console.error(`ascolto: ${message}`);
  }
  return code;
}

function loggerFor(globals: {logFormat?: string}): Logger {
  return createLogger({format: logFormat(globals.logFormat ?? process.env.ASCOLTO_LOG_FORMAT)});
}

async function transformStep(connection: Parameters<NonNullable<RunSteps["transform"]>>[0], configDir: string, full: boolean) {
  // loaded when needed: `run --no-transform` starts without loading the text analysis
  const {textAnalysis} = await import("../transforms/cli.ts");
  const {runTransforms} = await import("../transforms/run.ts");
  const {analyze, version} = textAnalysis(configDir);
  return runTransforms(connection, {configDir, analyze, analyzerVersion: version, full});
}

let exitHooked = false;

// The lock must go however the process ends: normally, by an error, or stopped by cron/systemd.
function releaseOnExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on("exit", releaseAll);
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
    process.once(signal, () => {
      releaseAll();
      process.exit(code);
    });
  }
}

function secondsBetween(start: string, end: string): string {
  return ((Date.parse(end) - Date.parse(start)) / 1000).toFixed(1);
}

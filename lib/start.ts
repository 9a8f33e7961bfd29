import type {Command} from "commander";
import {runIngest} from "../ingest/cli.ts";
import {settings} from "./config.ts";
import {withWarehouse} from "./duckdb.ts";
import {warehouseStatus} from "./status.ts";
import {printTable} from "./table.ts";

/** `ascolto start`: the main job on the bundled sample (what `npm start` runs). */
export function startCommand(program: Command): void {
  program
    .command("start")
    .description("ingest the bundled synthetic sample and show what the warehouse holds")
    .option("--sample <dir>", "the sample folder", "data/samples")
    .action(async (options: {sample: string}, command: Command) => {
      const globals = command.optsWithGlobals();
      await runIngest([options.sample], globals);
      const {warehouse} = settings(globals);
      const status = await withWarehouse(warehouse, warehouseStatus, {readOnly: true});
      printTable(status.tables);
    });
}

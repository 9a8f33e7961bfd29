import {Command} from "commander";
import {ingestCommand} from "../ingest/cli.ts";
import {collectCommand} from "../ingest/collect/cli.ts";
import {settings} from "./config.ts";
import {queryJson, withWarehouse} from "./duckdb.ts";
import {printTable} from "./table.ts";
import {warehouseStatus} from "./status.ts";
import {startCommand} from "./start.ts";
import {siteCommands} from "./site-cli.ts";
import {opsCommands, reportFailure} from "./run-cli.ts";
import {transformCommand} from "../transforms/cli.ts";
import {sentimentCommand} from "../transforms/text/cli.ts";

const program = new Command("ascolto")
  .description("social-listening warehouse and dashboards for public administrations")
  .option("--warehouse <path>", "DuckDB warehouse file (env ASCOLTO_WAREHOUSE)", undefined)
  .option("--config <dir>", "configuration folder (env ASCOLTO_CONFIG)", undefined)
  .showHelpAfterError();

ingestCommand(program);
collectCommand(program);

program
  .command("status")
  .description("what the warehouse holds: files, rows per platform and table, date ranges")
  .option("--json", "print JSON")
  .action(async (options: {json?: boolean}, command: Command) => {
    const {warehouse} = settings(command.optsWithGlobals());
    const status = await withWarehouse(warehouse, warehouseStatus, {readOnly: true});
    if (options.json) return console.log(JSON.stringify(status, null, 2));
    console.log(`warehouse ${warehouse}, ${status.entities} entities`);
    printTable(status.files);
    printTable(status.tables);
    console.log("\nfreshness");
    printTable(status.freshness);
    if (status.runs.length) {
      console.log("\nlast runs");
      printTable(status.runs);
    }
  });

program
  .command("query")
  .description("run a read-only SQL query against the warehouse")
  .argument("<sql>", "the query")
  .option("--json", "print a JSON array of row objects")
  .action(async (sql: string, options: {json?: boolean}, command: Command) => {
    const {warehouse} = settings(command.optsWithGlobals());
    const rows = await withWarehouse(warehouse, (connection) => queryJson(connection, sql), {readOnly: true});
    if (options.json) console.log(JSON.stringify(rows));
    else printTable(rows);
  });

startCommand(program);
siteCommands(program);
transformCommand(program);
sentimentCommand(program);

// last: registers run/export/import and puts the warehouse lock around every verb that writes
opsCommands(program);

try {
  await program.parseAsync();
} catch (error) {
  process.exitCode = reportFailure(error, program);
}

import type {DuckDBConnection} from "@duckdb/node-api";
import {quoteIdent, readSql} from "../lib/duckdb.ts";
import {changesUrl, modelUrl, type Model} from "./models.ts";

/** While an incremental run lasts: views on the previous build's tables, for change queries that compare with it. */
const previousSchema = "transform_previous";
/** While an incremental run lasts: the changed keys, and the inputs restricted to them while a model's rows are rebuilt. */
const deltaSchema = "transform_delta";

export interface CarryOver {
  /** The schema being built. */
  schema: string;
  /** The previous build's max source file id: files after it are new. */
  afterFileId: number;
  /** The incremental models the previous build has a table of. */
  carried: Set<string>;
}

/**
 * Opens the schemas an incremental run reads the previous build through (`previous`, the schema the
 * published marts point at) and returns what can be carried over from it.
 */
export async function openCarryOver(
  connection: DuckDBConnection, models: Model[], {schema, previous, afterFileId}: {schema: string; previous: string; afterFileId: number}
): Promise<CarryOver> {
  await closeCarryOver(connection);
  await connection.run(`create schema ${previousSchema}; create schema ${deltaSchema}`);
  const tables = new Set((await connection.runAndReadAll(
    "select table_name from information_schema.tables where table_schema = $previous and table_type = 'BASE TABLE'", {previous}))
    .getRows().map((row) => String(row[0])));
  for (const name of tables) {
    await connection.run(`create view ${previousSchema}.${quoteIdent(name)} as select * from ${quoteIdent(previous)}.${quoteIdent(name)}`);
  }
  return {schema, afterFileId, carried: new Set(models.filter((m) => m.incremental && tables.has(m.name)).map((m) => m.name))};
}

/** Drops the schemas openCarryOver made. */
export async function closeCarryOver(connection: DuckDBConnection): Promise<void> {
  await connection.run(`drop schema if exists ${previousSchema} cascade; drop schema if exists ${deltaSchema} cascade`);
}

/**
 * Builds an incremental model as the previous build's rows of unchanged keys plus the model's query run on
 * its inputs restricted to the changed keys; returns the rows written.
 */
export async function buildCarriedOver(connection: DuckDBConnection, model: Model, carry: CarryOver): Promise<number> {
  const {key, inputs} = model.incremental!;
  const keys = key.map(quoteIdent).join(", ");
  const changed = `${deltaSchema}.${quoteIdent(`changed_${model.name}`)}`;
  const schema = quoteIdent(carry.schema);
  await connection.run(`create table ${changed} as ${readSql(changesUrl(model)).trim().replace(/;$/, "")}`,
    {after_file_id: carry.afterFileId});
  for (const input of inputs) {
    await connection.run(`create or replace view ${deltaSchema}.${quoteIdent(input)} as
      select * from ${schema}.${quoteIdent(input)} semi join ${changed} using (${keys})`);
  }
  // why: the model's query, unchanged, reads the restricted inputs first
  await connection.run(`set search_path = '${deltaSchema},${carry.schema},main'`);
  try {
    const sql = readSql(modelUrl(model)).trim().replace(/;$/, "");
    const name = `${schema}.${quoteIdent(model.name)}`;
    const [row] = (await connection.runAndReadAll(`create or replace table ${name} as
      select * from ${previousSchema}.${quoteIdent(model.name)} anti join ${changed} using (${keys})
      union all by name
      select * from (${sql})`)).getRows();
    return Number(row?.[0]);
  } finally {
    await connection.run(`set search_path = '${carry.schema},main'`);
    for (const input of inputs) await connection.run(`drop view ${deltaSchema}.${quoteIdent(input)}`);
  }
}

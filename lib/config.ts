import {existsSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {parse} from "csv-parse/sync";
import {ConfigError} from "./errors.ts";

/** Where things are and how times are read; each setting has a default and an environment override. */
export interface Settings {
  warehouse: string;
  configDir: string;
  /** Zone of exports whose times carry none (Meta Business Suite, TikTok). */
  zone: string;
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  const env = process.env;
  return {
    warehouse: resolve(overrides.warehouse ?? env.ASCOLTO_WAREHOUSE ?? "data/warehouse.duckdb"),
    configDir: resolve(overrides.configDir ?? env.ASCOLTO_CONFIG ?? "data/config"),
    zone: overrides.zone ?? env.ASCOLTO_TIMEZONE ?? "Europe/Rome"
  };
}

/** Population bands for comparing like with like (upper bounds, inhabitants). */
export const defaultSizeClasses = [
  {id: "fino a 5.000", max: 5_000},
  {id: "5.000–20.000", max: 20_000},
  {id: "20.000–100.000", max: 100_000},
  {id: "oltre 100.000", max: Infinity}
];

export function sizeClass(population: number | null, classes = defaultSizeClasses): string | null {
  if (population === null) return null;
  return classes.find((band) => population <= band.max)?.id ?? null;
}

/** Reads a CSV config file into trimmed records; a missing optional file is an empty list. */
export function readConfigCsv(configDir: string, name: string, {required = false} = {}): Array<Record<string, string>> {
  const path = join(configDir, name);
  if (!existsSync(path)) {
    if (required) throw new ConfigError(`missing configuration file ${path}`);
    return [];
  }
  try {
    return parse(readFileSync(path, "utf8"), {columns: true, bom: true, skip_empty_lines: true, trim: true, comment: "#"});
  } catch (error) {
    throw new ConfigError(`${path}: ${(error as Error).message}`);
  }
}

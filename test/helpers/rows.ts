import {tableNames, type Rows} from "../../ingest/canonical.ts";
import {detectParser} from "../../ingest/detect.ts";
import {expandPaths} from "../../ingest/source-file.ts";

/**
 * Detects and parses one file (or each file of a folder/zip whose inner path ends with `only`) and
 * returns every row it yields, merged, with the parser's name. No warehouse involved.
 */
export async function collectRows(path: string, {only, zone = "Europe/Rome"}: {only?: string; zone?: string} = {}) {
  const {files, close} = await expandPaths([path]);
  try {
    const file = files.find((f) => (only ? f.innerPath.endsWith(only) : true));
    if (!file) throw new Error(`no file ${only} in ${path}`);
    const parser = await detectParser(file);
    if (!parser) throw new Error(`no parser for ${file.path}`);
    const merged: Required<Omit<Rows, "exported_at">> & {exported_at?: string} = {
      items: [], counts: [], authors: [], accounts: [], account_daily: [], skipped: {}
    };
    for await (const batch of parser.parse(file, {zone})) {
      for (const key of tableNames) (merged[key] as unknown[]).push(...(batch[key] ?? []));
      for (const [rule, n] of Object.entries(batch.skipped ?? {})) merged.skipped[rule] = (merged.skipped[rule] ?? 0) + n;
      if (batch.exported_at) merged.exported_at = batch.exported_at;
    }
    return {parser: parser.name, ...merged};
  } finally {
    close();
  }
}

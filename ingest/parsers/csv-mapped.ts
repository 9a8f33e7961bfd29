import {createHash} from "node:crypto";
import type {ItemKind, ItemRow, Rows} from "../canonical.ts";
import {counts, item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {csvRecords} from "../readers/csv.ts";
import {readText} from "../readers/text.ts";
import type {SourceFile} from "../source-file.ts";
import {blank, fromUnixSeconds, hashtagsOf, id, mentionsOf, num, parseIsoDate, parseSlashDate, str} from "../values.ts";
import {ConfigError, ParseError} from "../../lib/errors.ts";
import {findMapping, mappedColumns, validateMapping, type CsvMapping} from "./csv-mapped-config.ts";

type Cells = Record<string, string>;

/** Maps one CSV row through a user's mapping to canonical rows (pure). */
export function mapMappedRow(cells: Cells, mapping: CsvMapping, zone: string): Rows {
  const cell = (role: keyof CsvMapping["columns"]) => {
    const column = mapping.columns[role];
    return column === undefined ? null : str(cells[column]);
  };
  const platform = mapping.platform;
  // a CSV without ids gets one from its content, so loading it twice updates instead of duplicating
  const itemId = mapping.columns.id ? id(cells[mapping.columns.id]) : `csv:${sha(JSON.stringify(cells)).slice(0, 32)}`;
  if (!itemId) throw new ParseError("row without id", {field: mapping.columns.id});
  const kind = kindOf(cell("kind"), mapping);
  const text = cell("text")?.replace(/\r\n?/g, "\n") ?? null;
  const accountId = cell("account_id") ?? mapping.account_id;
  const authorId = cell("author_id");
  const parentId = cell("parent_id");
  const row: ItemRow = {
    ...item(platform, itemId, kind, cells),
    account_id: accountId,
    author_id: authorId,
    created_at: timeOf(cell("created_at"), mapping, zone),
    text,
    lang_hint: cell("lang"),
    parent_id: parentId,
    // a comment answers the post; a reply's thread is not in the row
    root_id: kind === "post" ? itemId : kind === "comment" ? parentId : null,
    url: cell("url"),
    hashtags: hashtagsOf(text),
    mentions: mentionsOf(text)
  };
  const name = cell("author_name");
  const handle = cell("author_handle");
  return {
    items: [row],
    counts: counts(platform, itemId, Object.entries(mapping.counts).map(([column, metric]) => [metric, column, count(cells[column], column)])),
    authors: authorId ? [{platform, author_id: authorId, handle, name, followers: null}] : [],
    accounts: accountId ? [{platform, account_id: accountId, handle: null, display_name: null, followers: null}] : []
  };
}

function kindOf(value: string | null, mapping: CsvMapping): ItemKind {
  if (value === null) return mapping.kind;
  const kind = mapping.kinds[value] ?? value.toLowerCase();
  const known: ItemKind[] = ["post", "comment", "reply", "quote", "repost", "message"];
  if (!known.includes(kind as ItemKind)) {
    throw new ParseError(`kind ${JSON.stringify(value)} is neither a canonical kind nor listed in the mapping's "kinds"`, {field: mapping.columns.kind});
  }
  return kind as ItemKind;
}

function timeOf(value: string | null, mapping: CsvMapping, zone: string): string | null {
  if (value === null) return null;
  const where = {field: mapping.columns.created_at};
  const here = mapping.time.zone ?? zone;
  try {
    switch (mapping.time.format) {
      case "iso": return parseIsoDate(value, {zone: here});
      // seconds, or milliseconds when the number is too large to be seconds (past the year 5000)
      case "unix": return fromUnixSeconds(Number(value) > 1e11 ? Number(value) / 1000 : value);
      case "dd/mm/yyyy hh:mm": return parseSlashDate(value, {dayFirst: true, zone: here});
      case "mm/dd/yyyy hh:mm": return parseSlashDate(value, {dayFirst: false, zone: here});
    }
  } catch (error) {
    if (error instanceof ParseError) throw new ParseError(`${error.reason} (created_at.format ${mapping.time.format})`, where);
    throw error;
  }
}

function count(value: string | undefined, column: string): number | null {
  if (blank(value)) return null;
  const n = num(value);
  if (n === null) throw new ParseError(`unreadable count ${JSON.stringify(value)}`, {field: column});
  return n;
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

/** Reads and validates the mapping that declares a CSV. */
export async function readMapping(csv: SourceFile): Promise<CsvMapping> {
  const file = findMapping(csv);
  if (!file) throw new ConfigError(`${csv.path}: no mapping file beside it`);
  let json: unknown;
  try {
    json = JSON.parse(await readText(file));
  } catch (error) {
    throw new ConfigError(`${file.path}: not valid JSON (${(error as Error).message})`);
  }
  return validateMapping(json, file.path);
}

/** Any CSV, declared by a `<name>.mapping.json` (or folder-wide `ascolto-mapping.json`) beside it. */
export const csvMapped: Parser = {
  name: "csv-mapped",
  platform: "facebook",
  detect: ({name, path, sibling}) => /\.(csv|tsv)$/i.test(name) && findMapping({path: path ?? name, innerPath: name, sibling}) !== null,
  async *parse(file, {zone}) {
    const mapping = await readMapping(file);
    let checked = false;
    yield* mapRecords(file, csvRecords(file), (cells: Cells) => {
      if (!checked) {
        const missing = mappedColumns(mapping).filter(([, column]) => !(column in cells));
        if (missing.length) {
          const [key, column] = missing[0]!;
          throw new ConfigError(`${mapping.path}: ${key} names column ${JSON.stringify(column)}, which ${file.path} does not have (its columns: ${Object.keys(cells).join(", ")})`);
        }
        checked = true;
      }
      return mapMappedRow(cells, mapping, zone);
    });
  }
};

/** Cell readers shared by the Meta Insights CSV mappings: ids, counts, days, account names. */
import {ParseError} from "../../lib/errors.ts";
import type {Rows} from "../canonical.ts";
import {blank, guessDayFirst, id, isScientificId, num, parseIsoDate, parseSlashDate, str, type NumberLocale} from "../values.ts";
import {baseName} from "./meta-insights-headers.ts";

export type Cells = Record<string, string>;

/** An id cell as text; a spreadsheet's "1.23457E+17" is refused, its digits are lost. */
export function idCell(cells: Cells, header: string | null | undefined): string | null {
  if (!header) return null;
  const value = id(cells[header]);
  if (value !== null && isScientificId(value)) {
    throw new ParseError(`id ${JSON.stringify(value)} was turned into scientific notation by a spreadsheet and lost its digits: export again without re-saving in Excel`, {field: header});
  }
  return value;
}

/** A count cell: null when empty or "N/A", an error when it is not a number. */
export function countCell(cells: Cells, header: string, locale: NumberLocale): number | null {
  const text = cells[header];
  if (blank(text)) return null;
  const value = num(text, locale);
  if (value === null) throw new ParseError(`unreadable number ${JSON.stringify(text)}`, {field: header});
  return value;
}

/** YYYY-MM-DD from "2025-08-01", "2025-08-01T00:00:00" or a slash date in the file's order; null if not a date. */
export function dayOf(text: string | null | undefined, dayFirst: boolean): string | null {
  const value = str(text);
  if (!value) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$/.exec(value);
  if (iso) return parseIsoDate(`${iso[1]}T00:00`, {zone: "UTC"}).slice(0, 10);
  if (!/^\d{1,2}\/\d{1,2}\/\d{2,4}\b/.test(value)) return null;
  return parseSlashDate(value, {dayFirst, zone: "UTC"}).slice(0, 10);
}

/**
 * Day or month first, for a whole file: decided by a first or second field over 12 (`guessDayFirst`);
 * when no date decides, Meta's own US order, unless Italian Excel re-saved the file (`;`-separated).
 */
export function decideDayFirst(samples: Iterable<string>, delimiter: string): boolean {
  const decisive: string[] = [];
  for (const sample of samples) {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\//.exec(sample);
    if (m && (Number(m[1]) > 12 || Number(m[2]) > 12)) decisive.push(sample);
    if (decisive.length >= 50) break;
  }
  return decisive.length ? guessDayFirst(decisive) : delimiter === ";";
}

/** The number format of a file: Italian Excel saves `;`-separated with a decimal comma. */
export function localeOf(delimiter: string): NumberLocale {
  return {decimal: delimiter === ";" ? "," : "."};
}

/**
 * The account named by an id-less export: a deterministic id from its name, lower-cased, so that two
 * exports of the same Page agree ("Comune di Esempio" → "name:comune di esempio").
 */
export function namedAccount(name: string): {id: string; name: string} {
  const clean = name.replace(/\s+/g, " ").trim();
  return {id: `name:${clean.toLowerCase()}`, name: clean};
}

const legacyFileName = /^Facebook Insights Data Export(?: \(Post Level\))? - (.+?) - \d{4}-\d{2}-\d{2}(?: - \d{4}-\d{2}-\d{2})?(?: \(\d+\))?\.csv$/i;

/** The Page named in a legacy export's file name, `Facebook Insights Data Export - <Page> - <date>.csv`. */
export function accountFromFileName(path: string): {id: string; name: string} | null {
  const m = legacyFileName.exec(baseName(path));
  return m ? namedAccount(m[1]!) : null;
}

/** Drops accounts and authors rows already emitted for this file (one per account is enough). */
export function onlyNew(rows: Rows, seen: Set<string>): Rows {
  const fresh = <T extends {platform: string}>(list: T[] | undefined, key: (row: T) => string) =>
    list?.filter((row) => {
      const k = `${row.platform}\u0000${key(row)}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  return {
    ...rows,
    accounts: fresh(rows.accounts, (row) => `account\u0000${row.account_id}`),
    authors: fresh(rows.authors, (row) => `author\u0000${row.author_id}`)
  };
}

/**
 * Meta Insights CSV exports: Business Suite content exports (Instagram posts, Facebook posts and videos),
 * legacy Page Insights (page level daily and post level), Business Suite daily exports (wide, or one metric
 * per file after a `sep=,` line), in English or Italian UI language and after an Italian Excel re-save.
 */
import {parse as parseCsvText} from "csv-parse/sync";
import {inFile, ParseError} from "../../lib/errors.ts";
import type {Platform, Rows} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {headerLine, readCsv, sniffDelimiter} from "../readers/csv.ts";
import {decodeText, readLines} from "../readers/text.ts";
import type {SourceFile} from "../source-file.ts";
import {accountFromFileName, decideDayFirst, localeOf, namedAccount, onlyNew, type Cells} from "./meta-insights-cells.ts";
import {contentContext, mapContentRow} from "./meta-insights-content.ts";
import {dailyContext, mapDailyRow, mapMetricCells, metricOfTitle} from "./meta-insights-daily.ts";
import {shapeOf} from "./meta-insights-headers.ts";

/** Splits one CSV line into cells. */
function cellsOf(line: string, delimiter: string): string[] {
  return (parseCsvText(line, {delimiter, relax_column_count: true}) as string[][])[0] ?? [];
}

// A UTF-16 file probed as UTF-8 shows its BOM as two U+FFFD and a NUL after each ASCII character.
function probeText(head: string): string {
  return head.replace(/^\uFFFD\uFFFD/, "").replace(/\u0000/g, "").replace(/^\uFEFF/, "");
}

const singleMetricHead = /^sep=(.)\r?\n[^\n]*\r?\n"?(date|data)"?.(?:"?primary"?)/i;

/** Meta Insights CSV exports, detected from their header (after the BOM). */
export const metaInsightsCsv: Parser = {
  name: "meta-insights-csv",
  platform: "facebook",
  detect({name, head}) {
    const text = probeText(head);
    if (singleMetricHead.test(text)) return true;
    const line = headerLine(text);
    if (!line.trim()) return false;
    try {
      return shapeOf(cellsOf(line, sniffDelimiter(line)), name) !== null;
    } catch {
      return false;
    }
  },
  async *parse(file, {zone}) {
    const head = await firstText(file);
    if (singleMetricHead.test(head)) {
      yield* parseSingleMetric(file);
      return;
    }
    const delimiter = sniffDelimiter(headerLine(head));
    const headers = cellsOf(headerLine(head), delimiter).map((header) => header.trim());
    const shape = shapeOf(headers, file.innerPath);
    const locale = localeOf(delimiter);
    const fileAccount = accountFromFileName(file.innerPath);
    const seen = new Set<string>();
    if (shape === "content") {
      const probe = contentContext(headers, {dayFirst: false, zone, locale, fileAccount});
      const dayFirst = decideDayFirst(await columnValues(file, probe.columns.publish_time), delimiter);
      const context = {...probe, dayFirst};
      yield* mapRecords(file, records(file), (cells) => onlyNew(mapContentRow(cells, context), seen));
      return;
    }
    if (shape === "daily" || shape === "legacy-daily") {
      const dayFirst = decideDayFirst(await columnValues(file, headers[0]), delimiter);
      let context;
      try {
        context = dailyContext(headers, {fileAccount, legacy: shape === "legacy-daily", dayFirst, locale});
      } catch (error) {
        throw inFile(error, file.path);
      }
      yield* mapRecords(file, records(file), (cells) => onlyNew(mapDailyRow(cells, context), seen));
      return;
    }
    throw new ParseError("header is not a known Meta Insights export", {file: file.path, line: 1});
  }
};

async function firstText(file: SourceFile): Promise<string> {
  const chunks = decodeText(file);
  const first = await chunks.next();
  await chunks.return(undefined);
  return first.done ? "" : first.value;
}

async function* records(file: SourceFile): AsyncGenerator<{line: number; value: Cells}> {
  for await (const {line, cells} of readCsv(file)) yield {line, value: cells};
}

// The first pass: a column's values, to decide the file's day/month order before mapping any row.
async function columnValues(file: SourceFile, header: string | undefined): Promise<string[]> {
  const values: string[] = [];
  if (!header) return values;
  for await (const {cells} of readCsv(file)) if (cells[header]) values.push(cells[header]);
  return values;
}

/**
 * One metric per file (`sep=,`, a title line, `"Date","Primary"`): no Page in the file, so the account is
 * the folder the file sits in (`Comune di Esempio/Views.csv`), and Facebook or Instagram comes from the
 * title or the path.
 */
async function* parseSingleMetric(file: SourceFile): AsyncGenerator<Rows> {
  const lines = readLines(file);
  const sep = (await lines.next()).value?.text.replace(/^sep=/i, "") || ",";
  const title = cellsOf((await lines.next()).value?.text ?? "", sep)[0] ?? "";
  await lines.next();
  const field = metricOfTitle(title);
  // the folder on disk or in the zip; a zip's own name when the file sits at its root
  const folder = file.path.split(/[\\/!]/).slice(-2, -1)[0]?.replace(/\.zip$/i, "");
  if (!folder) {
    throw new ParseError(`single-metric export "${title}" names no page: put it in a folder named after the page`, {file: file.path});
  }
  const platform = platformOf(`${title} ${file.innerPath}`);
  if (!platform) throw new ParseError(`cannot tell whether "${title}" is facebook or instagram: put its page folder inside a folder named facebook or instagram`, {file: file.path, line: 2});
  const context = {field: field ?? "reach" as const, platform, account: namedAccount(folder), locale: localeOf(sep)};
  async function* dataLines() {
    for await (const {line, text} of lines) if (text.trim()) yield {line, value: cellsOf(text, sep)};
  }
  if (!field) {
    let rows = 0;
    for await (const _ of dataLines()) rows++;
    yield {skipped: {[`daily metric without a canonical column (${title})`]: rows}};
    return;
  }
  const seen = new Set<string>();
  yield* mapRecords(file, dataLines(), (cells) => onlyNew(mapMetricCells(cells, context), seen));
}

function platformOf(text: string): Platform | null {
  if (/instagram/i.test(text)) return "instagram";
  if (/facebook/i.test(text)) return "facebook";
  return null;
}

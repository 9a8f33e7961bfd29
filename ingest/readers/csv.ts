import {pipeline, Readable} from "node:stream";
import {parse} from "csv-parse";
import {ParseError} from "../../lib/errors.ts";
import type {SourceFile} from "../source-file.ts";
import {decodeText} from "./text.ts";

export interface CsvRecord {
  line: number;
  cells: Record<string, string>;
}

/** The delimiter of a CSV, from its header line: the most frequent of `;`, `,` and tab outside quotes. */
export function sniffDelimiter(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, "");
  const counts = [";", ",", "\t"].map((d) => [d, unquoted.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![1] > 0 ? counts[0]![0] : ",";
}

/** The header line of a CSV's decoded head (BOM already dropped). */
export function headerLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? "";
}

/**
 * Streams a CSV as records keyed by its (trimmed) header, each with the line it starts on; delimiter, BOM
 * and encoding sniffed, CRLF read as LF (also inside quoted cells).
 */
export async function* readCsv(file: SourceFile): AsyncGenerator<CsvRecord> {
  const text = decodeText(file);
  const first = await text.next();
  if (first.done) return;
  const delimiter = sniffDelimiter(headerLine(first.value));
  async function* all() {
    yield first.value as string;
    yield* text;
  }
  // csv-parse counts a CRLF inside a quoted cell as two lines: with LF only its line numbers hold
  async function* lf() {
    let pending = "";
    for await (const chunk of all()) {
      const joined = pending + chunk;
      pending = joined.endsWith("\r") ? "\r" : "";
      yield (pending ? joined.slice(0, -1) : joined).replace(/\r\n/g, "\n");
    }
    if (pending) yield pending;
  }
  // pipeline, not pipe: an error of the source (invalid bytes, a character cut by the end of the file)
  // must reach the parser, or the loop below waits for records forever
  const records = pipeline(Readable.from(lf()), parse({
    delimiter,
    bom: true,
    columns: (header: string[]) => header.map((name) => name.trim()),
    skip_empty_lines: true,
    info: true,
    relax_quotes: false
  }), () => {});
  try {
    for await (const {record, info} of records as AsyncIterable<{record: Record<string, string>; info: {lines: number}}>) {
      // info.lines is where the record ends; a multi-line cell started it earlier
      const breaks = Object.values(record).reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      yield {line: info.lines - breaks, cells: record};
    }
  } catch (error) {
    if (error instanceof ParseError) throw error;
    const err = error as Error & {lines?: number};
    throw new ParseError(err.message.replace(/^[A-Z_]+: /, "").toLowerCase(), {file: file.path, line: err.lines});
  }
}

/** The header cells of a CSV's decoded head, unquoted and trimmed; for detection by column names. */
export function headerCells(head: string): string[] {
  const line = headerLine(head);
  const delimiter = sniffDelimiter(line);
  const cells: string[] = [];
  for (const match of line.matchAll(new RegExp(`(?:^|\\${delimiter})("(?:[^"]|"")*"|[^\\${delimiter}]*)`, "g"))) {
    const cell = match[1]!;
    cells.push((cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell).trim());
  }
  return cells;
}

/** readCsv's records in the shape `mapRecords` takes: `{line, value}`. */
export async function* csvRecords(file: SourceFile): AsyncGenerator<{line: number; value: Record<string, string>}> {
  for await (const {line, cells} of readCsv(file)) yield {line, value: cells};
}

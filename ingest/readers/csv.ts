import {Readable} from "node:stream";
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

/** Streams a CSV as records keyed by its (trimmed) header; delimiter, BOM and encoding sniffed. */
export async function* readCsv(file: SourceFile): AsyncGenerator<CsvRecord> {
  const text = decodeText(file);
  const first = await text.next();
  if (first.done) return;
  const delimiter = sniffDelimiter(headerLine(first.value));
  async function* all() {
    yield first.value as string;
    yield* text;
  }
  const records = Readable.from(all()).pipe(parse({
    delimiter,
    bom: true,
    columns: (header: string[]) => header.map((name) => name.trim()),
    skip_empty_lines: true,
    info: true,
    relax_quotes: false
  }));
  try {
    for await (const {record, info} of records as AsyncIterable<{record: Record<string, string>; info: {lines: number}}>) {
      yield {line: info.lines, cells: record};
    }
  } catch (error) {
    const err = error as Error & {lines?: number};
    throw new ParseError(err.message.replace(/^[A-Z_]+: /, "").toLowerCase(), {file: file.path, line: err.lines});
  }
}

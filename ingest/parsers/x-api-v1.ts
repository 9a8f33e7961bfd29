import type {Rows} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {parseTwitterDate} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";
import {headLines, readJsonLines, type JsonLine} from "./x-jsonl.ts";
import {mapStatus} from "./x-status.ts";

type Json = Record<string, any>;

/** Stream messages that are not statuses, by their only key, and the rule that skips them. */
const notices: Record<string, string> = {
  delete: "deletion notice",
  limit: "limit notice",
  warning: "stall warning",
  disconnect: "disconnect notice",
  scrub_geo: "scrub geo notice",
  status_withheld: "withheld notice",
  user_withheld: "withheld notice"
};

/** Maps one line of a v1.1 JSON Lines capture to canonical rows (pure). */
export function mapV1Line(line: JsonLine): Rows {
  if (line.skip) return {skipped: {[line.skip]: 1}};
  const value = line.value as Json;
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new ParseError(`line is not a JSON object but ${JSON.stringify(value)}`);
  const notice = Object.keys(value).find((key) => key in notices);
  if (notice && !("id_str" in value)) return {skipped: {[notices[notice]!]: 1}};
  if (!("id_str" in value) && !("id" in value)) {
    throw new ParseError(`line is not a status: keys ${JSON.stringify(Object.keys(value).slice(0, 5))}`);
  }
  return mapStatus(value, {parseDate: parseTwitterDate});
}

const statusLine = (line: string) => /^\s*\{/.test(line) && /"id_str"\s*:/.test(line) && /"user"\s*:\s*\{/.test(line) && /"created_at"\s*:\s*"\w{3} \w{3} /.test(line);
const noticeLine = (line: string) => /^\s*\{\s*"(delete|limit|warning|disconnect|scrub_geo|status_withheld|user_withheld)"\s*:/.test(line);

/** X API v1.1 statuses, one per line (twarc 1, tweepy and stream scripts), with stream notices between. */
export const xApiV1: Parser = {
  name: "x-api-v1",
  platform: "x",
  detect: ({head}) => {
    const lines = headLines(head);
    // a broken line further on is the parser's to report, with its number
    return lines.length > 0 && (statusLine(lines[0]!) || noticeLine(lines[0]!)) && lines.some(statusLine);
  },
  parse: (file) => mapRecords(file, readJsonLines(file), mapV1Line)
};

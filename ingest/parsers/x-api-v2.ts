import type {Rows} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import type {SourceFile} from "../source-file.ts";
import {ParseError} from "../../lib/errors.ts";
import {headLines, readJsonLines, type JsonLine} from "./x-jsonl.ts";
import {mapV2Line, noteRoots, unpackV2Line} from "./x-tweet-v2.ts";

type Json = Record<string, any>;

/** Maps one line of a twarc2 capture to canonical rows (pure); `roots` comes from a first pass over the file. */
export function mapTwarcLine(line: JsonLine, roots: Map<string, string>): Rows {
  if (line.skip) return {skipped: {[line.skip]: 1}};
  return mapV2Line(unpackV2Line(asObject(line.value)), roots);
}

function asObject(value: unknown): Json {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new ParseError(`line is not a JSON object but ${JSON.stringify(value)?.slice(0, 40)}`);
  return value as Json;
}

/**
 * Conversations whose root author the first pass remembers: about 40 MB. Past them a reply met before
 * its root gets no channel from the file, and the transforms give it its root's (int_threads.sql) when
 * the warehouse holds the root: memory stays bounded whatever the file's size.
 */
const maxRoots = 200_000;

/**
 * First pass: the author of every thread root in the file (up to maxRoots), so that a reply met before
 * its root still gets its channel. Holds one entry per conversation, not per tweet.
 */
async function collectRoots(file: SourceFile): Promise<Map<string, string>> {
  const roots = new Map<string, string>();
  try {
    for await (const {value} of readJsonLines(file)) {
      if (roots.size >= maxRoots) break;
      if (value.skip || !value.value || typeof value.value !== "object") continue;
      noteRoots(unpackV2Line(value.value as Json), roots);
    }
  } catch (error) {
    // the second pass reports a broken line with its number
    if (!(error instanceof ParseError)) throw error;
  }
  return roots;
}

const twarcHead = (head: string) => {
  const first = headLines(head, 1)[0] ?? "";
  if (!/^\s*\{/.test(first) || /"id_str"\s*:/.test(first)) return false;
  return /"__twarc"\s*:/.test(first)
    || (/"author_id"\s*:\s*"\d+"/.test(first) && /"(data|conversation_id|edit_history_tweet_ids|public_metrics)"\s*:/.test(first));
};

/** X API v2 as saved by twarc2 (JSON Lines): response pages, stream messages, or flattened tweets. */
export const xApiV2: Parser = {
  name: "x-api-v2",
  platform: "x",
  detect: ({head}) => twarcHead(head),
  async *parse(file) {
    const roots = await collectRoots(file);
    yield* mapRecords(file, readJsonLines(file), (line) => mapTwarcLine(line, roots));
  }
};

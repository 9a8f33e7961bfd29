import type {Rows} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {readText} from "../readers/text.ts";
import type {SourceFile} from "../source-file.ts";
import {id, parseIsoDate, str} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";
import {parseJsonLossless} from "./x-jsonl.ts";
import {mapStatus} from "./x-status.ts";

type Json = Record<string, any>;

const envelope = /^\s*(?:var\s+)?[\w$.]+\s*=\s*/;

/** Maps one tweet of a Grailbird month file to canonical rows (pure); `owner` is the archive's account. */
export function mapGrailbirdTweet(record: Json, owner: string | null): Rows {
  return mapStatus(record, {parseDate: (text) => parseIsoDate(text), owner});
}

/** A small `var name = {…}` or `Grailbird.data.x = […]` file, parsed with ids kept exact. */
async function readJs(file: SourceFile): Promise<unknown> {
  const text = (await readText(file)).replace(envelope, "").replace(/;\s*$/, "");
  try {
    return parseJsonLossless(text);
  } catch (error) {
    throw new ParseError(`invalid JSON (${(error as Error).message.toLowerCase()})`, {file: file.path});
  }
}

/** The owner (user_details.js, else the first tweet's user) and the archive's date (payload_details.js). */
async function readGrailbirdContext(file: SourceFile, records: Json[]) {
  const userFile = file.sibling("user_details.js");
  const payloadFile = file.sibling("payload_details.js");
  const user = userFile ? ((await readJs(userFile)) as Json) : undefined;
  const payload = payloadFile ? ((await readJs(payloadFile)) as Json) : undefined;
  const created = str(payload?.created_at);
  let exported_at: string | undefined;
  try {
    exported_at = created ? parseIsoDate(created) : undefined;
  } catch {
    // third-party rebuilds of old archives write other date formats: fall back to the file's date
    exported_at = undefined;
  }
  return {owner: id(user?.id ?? records[0]?.user?.id_str), exported_at};
}

async function* numbered(records: unknown[]) {
  for (const [index, value] of records.entries()) yield {index, value};
}

/** X archive before 2019 ("Grailbird"): `data/js/tweets/YYYY_MM.js`, one month of the owner's tweets. */
export const xGrailbird: Parser = {
  name: "x-grailbird",
  platform: "x",
  detect: ({head}) => /^\s*Grailbird\.data\.tweets_\d{4}_\d{2}\s*=/.test(head),
  async *parse(file) {
    const records = await readJs(file);
    if (!Array.isArray(records)) throw new ParseError("grailbird file does not hold an array of tweets", {file: file.path});
    const {owner, exported_at} = await readGrailbirdContext(file, records as Json[]);
    if (exported_at) yield {exported_at};
    yield* mapRecords(file, numbered(records), (value) => mapGrailbirdTweet(value as Json, owner));
  }
};

import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {Readable} from "node:stream";
import fc from "fast-check";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {ParseError} from "../../lib/errors.ts";
import {tableNames} from "../../ingest/canonical.ts";
import {detectParser} from "../../ingest/detect.ts";
import type {Parser} from "../../ingest/parser.ts";
import {parsers} from "../../ingest/parsers/index.ts";
import {expandPaths, type SourceFile} from "../../ingest/source-file.ts";

// Feeds every parser mutated copies of one of its own fixtures: it must yield valid rows or throw a
// clean error (ParseError, or an Error that is not a programming mistake), within a bounded time.
// fixed seed in CI; ASCOLTO_FUZZ_RUNS=2000 ASCOLTO_FUZZ_SEED=$RANDOM for a deeper search
const numRuns = Number(process.env.ASCOLTO_FUZZ_RUNS ?? 30);
const seed = Number(process.env.ASCOLTO_FUZZ_SEED ?? 20250630);
const perCaseMs = 5000;
const kinds = new Set(["post", "comment", "reply", "quote", "repost", "message"]);

const fixtures = new Map<string, SourceFile>();
let close = () => {};

beforeAll(async () => {
  const paths = [...walk("test/fixtures")].filter((path) => !/\/(bad-input|errors)\/|\/(bad|broken|corrupt)[-.]/.test(path));
  const expanded = await expandPaths(paths.filter((p) => !p.includes(".zip")));
  close = expanded.close;
  for (const file of expanded.files) {
    if (file.bytes > 256 * 1024) continue;
    const parser = await detectParser(file);
    if (parser && !fixtures.has(parser.name)) fixtures.set(parser.name, file);
  }
}, 60_000);
afterAll(() => close());

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

type Mutation =
  | {op: "truncate"; at: number}
  | {op: "flip"; at: number; mask: number}
  | {op: "deleteLine" | "duplicateLine"; line: number}
  | {op: "inject"; at: number; text: string};

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({op: fc.constant("truncate" as const), at: fc.nat()}),
  fc.record({op: fc.constant("flip" as const), at: fc.nat(), mask: fc.integer({min: 1, max: 255})}),
  fc.record({op: fc.constantFrom("deleteLine" as const, "duplicateLine" as const), line: fc.nat()}),
  fc.record({op: fc.constant("inject" as const), at: fc.nat(),
    text: fc.constantFrom('"', "'", "[", "]", "{", "}", ",", "\\", "\n", "\r\n", '""', "\u0000", ";", "\u202e", "}]", "99999999999999999999")})
);

/** Applies mutations to a buffer (positions wrap around its length). */
export function mutate(input: Buffer, mutations: Mutation[]): Buffer {
  let data = input;
  for (const m of mutations) {
    if (m.op === "truncate") data = data.subarray(0, m.at % (data.length + 1));
    else if (m.op === "flip" && data.length) {
      data = Buffer.from(data);
      const at = m.at % data.length;
      data[at] = data[at]! ^ m.mask;
    } else if (m.op === "inject") {
      const at = m.at % (data.length + 1);
      data = Buffer.concat([data.subarray(0, at), Buffer.from(m.text), data.subarray(at)]);
    } else if (m.op === "deleteLine" || m.op === "duplicateLine") {
      const lines = data.toString("latin1").split("\n");
      const i = m.line % lines.length;
      lines.splice(i, m.op === "deleteLine" ? 1 : 0, ...(m.op === "duplicateLine" ? [lines[i]!] : []));
      data = Buffer.from(lines.join("\n"), "latin1");
    }
  }
  return data;
}

/** The same file with other bytes; siblings (account.js, mapping files) stay the real ones. */
function mutated(file: SourceFile, bytes: Buffer): SourceFile {
  return {...file, bytes: bytes.length, stream: () => Readable.from([bytes])};
}

async function original(file: SourceFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Runs the parser to the end; returns a problem, or null when it yielded valid rows or threw cleanly. */
async function check(parser: Parser, file: SourceFile): Promise<string | null> {
  const run = (async () => {
    for await (const batch of parser.parse(file, {zone: "Europe/Rome"})) {
      for (const key of tableNames) if (batch[key] !== undefined && !Array.isArray(batch[key])) return `${key} is not an array`;
      for (const row of batch.items ?? []) {
        if (typeof row.item_id !== "string" || !row.item_id) return `item without a text id: ${JSON.stringify(row.item_id)}`;
        // csv-mapped and CrowdTangle carry several platforms: any known one, never empty
        if (typeof row.platform !== "string" || !row.platform) return `item ${row.item_id} without a platform`;
        if (!kinds.has(row.kind)) return `item ${row.item_id} of kind ${JSON.stringify(row.kind)}`;
        if (row.created_at !== null && Number.isNaN(Date.parse(row.created_at))) return `item ${row.item_id} dated ${JSON.stringify(row.created_at)}`;
      }
      for (const row of batch.counts ?? []) {
        if (typeof row.value !== "number" || !Number.isFinite(row.value)) return `count ${row.metric} of ${row.item_id} is ${row.value}`;
      }
    }
    return null;
  })().catch((error: unknown) => {
    if (error instanceof ParseError) return null;
    if (!(error instanceof Error)) return `threw a non-error: ${String(error)}`;
    if (["TypeError", "ReferenceError", "RangeError"].includes(error.name)) return `crashed: ${error.name}: ${error.message}`;
    return error.message ? null : "threw an error without a message";
  });
  const timeout = new Promise<string>((resolve) => setTimeout(() => resolve(`no answer within ${perCaseMs} ms`), perCaseMs).unref());
  return Promise.race([run, timeout]);
}

describe("every parser survives mutated input", () => {
  test("each parser has a fixture to mutate", () => {
    expect(parsers.filter((p) => !fixtures.has(p.name)).map((p) => p.name)).toEqual([]);
  });
  for (const parser of parsers) {
    test(parser.name, async () => {
      const file = fixtures.get(parser.name);
      if (!file) return;
      const bytes = await original(file);
      await fc.assert(fc.asyncProperty(fc.array(mutation, {minLength: 1, maxLength: 4}), async (mutations) => {
        const started = performance.now();
        const problem = await check(parser, mutated(file, mutate(bytes, mutations)));
        expect(problem, `${file.path} mutated by ${JSON.stringify(mutations)}`).toBeNull();
        expect(performance.now() - started).toBeLessThan(perCaseMs);
      }), {numRuns, seed, endOnFailure: true});
    });
  }
});

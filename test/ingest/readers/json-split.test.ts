import fc from "fast-check";
import {afterAll, describe, expect, it} from "vitest";
import {splitJsonArray} from "../../../ingest/readers/json-split.ts";
import {streamJsonArray} from "../../../ingest/readers/json.ts";
import {scratch} from "./files.ts";

const files = scratch();
afterAll(() => files.cleanup());

/** The text cut into pieces of the given sizes (cycled), as a decoder hands it over. */
async function* pieces(text: string, sizes: number[] = [text.length || 1]): AsyncGenerator<string> {
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length]!);
    yield text.slice(at, at + size);
    at += size;
  }
}

async function split(text: string, options: {path?: string | RegExp} = {}, sizes?: number[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const element of splitJsonArray(pieces(text, sizes), options)) out.push(JSON.parse(element));
  return out;
}

describe("splitJsonArray", () => {
  it("splits any JSON array into its elements, however the text is cut", async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.jsonValue()), fc.array(fc.integer({min: 1, max: 7}), {minLength: 1}), fc.boolean(),
      async (array, sizes, pretty) => {
        const text = JSON.stringify(array, null, pretty ? 2 : undefined);
        // JSON.stringify(-0) is "0": compare with what JSON.parse reads back
        expect(await split(text, {}, sizes)).toEqual(JSON.parse(text));
      }), {numRuns: 300});
  });

  it("keeps quotes, escaped quotes, backslashes and brackets inside strings", async () => {
    const text = String.raw`[ "a\"]b", {"k\\": "}\\\"{", "e": [] , "o": {}}, 12.5e3, true, null, "😀 \u00e0" ]`;
    expect(await split(text, {}, [1, 2, 3])).toEqual(JSON.parse(text));
  });

  it("picks a nested array by dotted path or RegExp, skipping the other keys", async () => {
    const text = '{"meta": {"data": [9]}, "result": {"count": 2, "posts": [{"id": "1"}, {"id": "2"}]}, "tail": [1]}';
    expect(await split(text, {path: "result.posts"}, [4])).toEqual([{id: "1"}, {id: "2"}]);
    expect(await split('{"comments_v2": [1, 2]}', {path: /^comments(_v2)?$/})).toEqual([1, 2]);
    expect(await split('{"other": [1]}', {path: "missing"})).toEqual([]);
  });

  it("fails on what is not an array, on a truncated text and on garbage after the array", async () => {
    await expect(split('{"a": 1}')).rejects.toThrow("the top-level value is not an array");
    await expect(split('{"data": {"a": 1}}', {path: "data"})).rejects.toThrow('the value at "data" is not an array');
    await expect(split('[{"a": 1}, {"b": [2')).rejects.toThrow("unexpected end of data");
    await expect(split("[1] [2]")).rejects.toThrow("unexpected \"[\" after the top-level value");
  });
});

describe("streamJsonArray", () => {
  it("numbers records and names the record after the last good one when the text breaks", async () => {
    const file = await files.file("tweets.js", 'window.YTD.tweets.part0 = [ {"tweet": {"id_str": "1"}}, {"tweet": {"id_str": "2"} ');
    const seen: unknown[] = [];
    await expect((async () => {
      for await (const record of streamJsonArray(file)) seen.push(record);
    })()).rejects.toThrow(/tweets\.js, record 2: invalid JSON after record 1 \(unexpected end of data\)/);
    expect(seen).toEqual([{index: 0, value: {tweet: {id_str: "1"}}}]);
  });

  it("reports an element that JSON.parse refuses with its record number", async () => {
    const file = await files.file("bad.json", '[{"a": 1}, {"b": tru}]');
    await expect((async () => {
      for await (const _ of streamJsonArray(file)) void _;
    })()).rejects.toThrow(/bad\.json, record 2: invalid JSON after record 1 \(/);
  });
});

/**
 * Splits the elements of one JSON array out of a stream of text without building a token stream: the bytes
 * are only scanned for strings and nesting, and each element's text is handed to JSON.parse, which is
 * several times faster than a streaming tokenizer (stream-json) and holds one element at a time.
 */

const QUOTE = 34, BACKSLASH = 92, COMMA = 44, COLON = 58;
const OPEN_ARRAY = 91, CLOSE_ARRAY = 93, OPEN_OBJECT = 123, CLOSE_OBJECT = 125;
const notStructural = /[^"[\]{}]*/y;

/** Where the scan stopped: the text is not JSON, or ended early. `elements` is how many were split before. */
export class JsonSplitError extends Error {
  constructor(message: string, readonly elements: number) {
    super(message);
  }
}

interface Frame {
  array: boolean;
  /** The current key (object) or index (array), for matching `path`. */
  key: string | number;
  /** What comes next: a key, a value, or a comma or the closing bracket. */
  expect: "key" | "value" | "next";
}

/**
 * Yields the text of each element of the array picked by `path` (a dotted path of keys and indexes, or a
 * RegExp tested on it, as stream-json's `pick`), else of the top-level value, which must then be an array.
 */
export async function* splitJsonArray(chunks: AsyncIterable<string>, {path}: {path?: string | RegExp} = {}): AsyncGenerator<string> {
  let buf = "";
  let pos = 0;
  let count = 0;
  let done = false;
  const stack: Frame[] = [];
  let target = -1; // depth of the picked array, once met
  let topLevelSeen = false;
  const iterator = chunks[Symbol.asyncIterator]();

  /** Reads more text; false at the end of the stream. Keeps buf[from..] and rebases positions. */
  const more = async (from: number): Promise<boolean> => {
    if (done) return false;
    const next = await iterator.next();
    if (next.done) {
      done = true;
      return false;
    }
    buf = buf.slice(from) + next.value;
    pos -= from;
    return true;
  };
  const fail = (message: string): never => {
    throw new JsonSplitError(message, count);
  };
  const pathOf = (): string => stack.map((frame) => frame.key).join(".");
  const matches = (): boolean => {
    if (path === undefined) return stack.length === 0;
    const here = pathOf();
    return typeof path === "string" ? here === path : path.test(here);
  };

  /** Skips whitespace; returns the next character code, or -1 at the end of the text. */
  const skipSpace = async (): Promise<number> => {
    for (;;) {
      while (pos < buf.length) {
        const code = buf.charCodeAt(pos);
        if (code !== 32 && code !== 10 && code !== 13 && code !== 9) return code;
        pos++;
      }
      if (!(await more(pos))) return -1;
    }
  };

  /**
   * Scans one whole value starting at `pos` (a string, number, literal, object or array) and returns its
   * end; the text from `start` stays in the buffer.
   */
  const scanValue = async (): Promise<{start: number; end: number}> => {
    let start = pos;
    let depth = 0;
    let i = pos;
    for (;;) {
      while (i < buf.length) {
        let code = buf.charCodeAt(i);
        if (depth > 0 && code !== QUOTE) {
          // inside a container only quotes and brackets matter: the regexp engine skips the rest, allocating nothing
          notStructural.lastIndex = i;
          notStructural.test(buf);
          i = notStructural.lastIndex;
          if (i >= buf.length) break;
          code = buf.charCodeAt(i);
        }
        if (code === QUOTE) {
          // jump to the closing quote: one not preceded by an odd number of backslashes
          let close = i;
          for (;;) {
            close = buf.indexOf('"', close + 1);
            if (close < 0) break;
            let slashes = 0;
            while (buf.charCodeAt(close - 1 - slashes) === BACKSLASH) slashes++;
            if (slashes % 2 === 0) break;
          }
          if (close < 0) break; // the string goes on in the next chunk
          i = close + 1;
          if (depth === 0) return {start, end: i};
          continue;
        }
        if (code === OPEN_ARRAY || code === OPEN_OBJECT) depth++;
        else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
          if (depth === 0) return {start, end: i}; // a scalar ended by its container
          if (--depth === 0) return {start, end: i + 1};
        } else if (depth === 0 && (code === COMMA || code === 32 || code === 10 || code === 13 || code === 9)) {
          return {start, end: i};
        }
        i++;
      }
      const offset = start;
      if (!(await more(start))) {
        // a scalar may end with the text
        if (depth === 0 && i > start) return {start, end: i};
        return fail("unexpected end of data");
      }
      i -= offset;
      start = 0;
    }
  };

  for (;;) {
    const code = await skipSpace();
    const frame = stack[stack.length - 1];
    if (code < 0) {
      if (stack.length || !topLevelSeen) fail("unexpected end of data");
      return;
    }
    if (!frame) {
      if (topLevelSeen) fail(`unexpected ${JSON.stringify(buf[pos])} after the top-level value`);
      topLevelSeen = true;
    }
    if (frame && frame.expect === "next") {
      if (code === COMMA) {
        pos++;
        frame.expect = frame.array ? "value" : "key";
        if (frame.array) frame.key = (frame.key as number) + 1;
        continue;
      }
      if (code === (frame.array ? CLOSE_ARRAY : CLOSE_OBJECT)) {
        pos++;
        stack.pop();
        if (target === stack.length) target = -2; // the picked array is done; the rest is only checked
        const parent = stack[stack.length - 1];
        if (parent) parent.expect = "next";
        continue;
      }
      fail(`expected ',' or '${frame.array ? "]" : "}"}' but found ${JSON.stringify(buf[pos])}`);
    }
    if (frame && frame.expect === "key") {
      if (code === CLOSE_OBJECT && frame.key === "") {
        pos++;
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) parent.expect = "next";
        continue;
      }
      if (code !== QUOTE) fail(`expected a key but found ${JSON.stringify(buf[pos])}`);
      const {start, end} = await scanValue();
      frame.key = JSON.parse(buf.slice(start, end)) as string;
      pos = end;
      if ((await skipSpace()) !== COLON) fail(`expected ':' after key ${JSON.stringify(frame.key)}`);
      pos++;
      frame.expect = "value";
      continue;
    }
    // a value
    if (frame && target >= 0 && stack.length === target + 1) {
      if (code === CLOSE_ARRAY && frame.key === 0 && count === 0) {
        // an empty picked array
        pos++;
        stack.pop();
        target = -2;
        const parent = stack[stack.length - 1];
        if (parent) parent.expect = "next";
        continue;
      }
      const {start, end} = await scanValue();
      const text = buf.slice(start, end);
      pos = end;
      frame.expect = "next";
      count++;
      yield text;
      continue;
    }
    if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      const array = code === OPEN_ARRAY;
      if (target === -1 && matches()) {
        if (!array) fail(path === undefined ? "the top-level value is not an array" : `the value at ${JSON.stringify(pathOf())} is not an array`);
        target = stack.length;
      }
      pos++;
      stack.push({array, key: array ? 0 : "", expect: array ? "value" : "key"});
      if (array && (await skipSpace()) === CLOSE_ARRAY) {
        pos++;
        stack.pop();
        if (target === stack.length) target = -2;
        const parent = stack[stack.length - 1];
        if (parent) parent.expect = "next";
      }
      continue;
    }
    if (target === -1 && path === undefined && !frame) fail("the top-level value is not an array");
    const {end} = await scanValue();
    pos = end;
    if (frame) frame.expect = "next";
  }
}

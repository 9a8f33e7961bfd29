import {describe, expect, it} from "vitest";
import {parseJsonLossless} from "../../../ingest/parsers/x-jsonl.ts";

describe("parseJsonLossless", () => {
  it("keeps integers past 2^53 as their digits, and nothing else", () => {
    expect(parseJsonLossless('{"id": 861234567890123456, "n": 12, "safe": 1000000000000000, "f": 0.12345678901234567890, "neg": -861234567890123456}'))
      .toEqual({id: "861234567890123456", n: 12, safe: 1000000000000000, f: 0.12345678901234568, neg: "-861234567890123456"});
  });

  it("leaves digits inside strings alone, escaped quotes included", () => {
    expect(parseJsonLossless('{"text": "id \\": 861234567890123456 \\\\", "id": 861234567890123456}'))
      .toEqual({text: 'id ": 861234567890123456 \\', id: "861234567890123456"});
  });

  it("reads texts whose long numbers are all quoted, or in arrays after spaces and newlines", () => {
    expect(parseJsonLossless('{"id": "1900000000000000001", "n": 12, "ids": [\n  861234567890123456,\t-861234567890123457]}'))
      .toEqual({id: "1900000000000000001", n: 12, ids: ["861234567890123456", "-861234567890123457"]});
  });
});

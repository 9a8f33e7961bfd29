import {describe, expect, it} from "vitest";
import {LEXICONS, parseLexicon, phraseKey} from "../../../transforms/text/lexicon.ts";

describe("lexicon", () => {
  it("keys phrases as the tokenizer splits text", () => {
    expect(phraseKey("non vedo l'ora")).toBe("non vedo l' ora");
    expect(phraseKey("can't wait")).toBe("can not wait");
    expect(phraseKey("won't stop")).toBe("will not stop");
    expect(phraseKey("don't care")).toBe("do not care");
  });

  it("merges a phrase file into a word lexicon", () => {
    const words = parseLexicon("bello\t2\n", (w) => w);
    const merged = parseLexicon("# idioms\nalla grande\t2\n=fa schifo\t-3\n", (w) => w, {into: words});
    expect(merged.exact.get("bello")).toBe(2);
    expect(merged.phrases.get("alla grande")).toBe(2);
    expect(merged.phrases.get("fa schifo")).toBe(-3);
    expect(merged.pairs.has("alla grande")).toBe(true);
  });

  it("says which file and line is wrong", () => {
    expect(() => parseLexicon("ok\t1\nbad\tx\n", (w) => w, {source: "phrases.it.tsv"})).toThrow(
      'bad lexicon line 2 in phrases.it.tsv: "bad\\tx"'
    );
  });

  it("loads the shipped phrase files", () => {
    expect(LEXICONS.it.phrases.get("siamo alla frutta")).toBeLessThan(0);
    expect(LEXICONS.en.phrases.get("can not wait")).toBeGreaterThan(0);
  });
});

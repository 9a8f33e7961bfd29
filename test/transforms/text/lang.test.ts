import {describe, expect, it} from "vitest";
import {detectLang} from "../../../transforms/text/lang.ts";
import type {Lang} from "../../../transforms/text/types.ts";

const CASES: [string, Lang][] = [
  ["Da lunedì chiusura di via Roma per lavori", "it"],
  ["@ComuneDiMilano a che ora passa la raccolta dell'umido? https://t.co/x 😡 #rifiuti", "it"],
  ["Ridicoli", "it"],
  ["Grazie!", "it"],
  ["Domani", "it"],
  ["Il bus non passa", "it"],
  ["The 14 bus didn't show up again", "en"],
  ["Thanks!", "en"],
  ["Love the new park ❤️", "en"],
  ["Hola, ¿cómo estás? Muy bien gracias", "other"],
  ["Bonjour, merci pour tout c'est très bien", "other"],
  ["Das ist nicht gut", "other"],
  ["😡😡", "other"],
  ["https://www.comune.it/avvisi", "other"],
  ["", "other"]
];

describe("detectLang", () => {
  it.each(CASES)("%j → %s", (text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });
});

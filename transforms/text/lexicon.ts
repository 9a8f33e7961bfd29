import {readFileSync} from "node:fs";
import {stemIt} from "./stem-it.ts";

/** A polarity lexicon: word stems, exact forms and multi-word phrases, each with a weight in [-3, 3]. */
export interface Lexicon {
  stems: Map<string, number>;
  exact: Map<string, number>;
  phrases: Map<string, number>;
  /** Longest phrase, in words. */
  longest: number;
  /** Words that start a phrase, with the longest phrase they start: most words start none. */
  starts: Map<string, number>;
  /** The first two words of every phrase: a phrase starting with "a" or "ha" is rejected with one lookup. */
  pairs: Set<string>;
  stem: (word: string) => string;
  /** Consulted only for words this lexicon does not know (a larger, noisier list). */
  fallback?: Lexicon;
}

/** A light English stem: the regular inflections only, which is all the lexicon needs. */
export function stemEn(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (word.endsWith("ing") && word.length > 5) return word.slice(0, -3);
  if (word.endsWith("ed")) return word.slice(0, -2);
  if (word.endsWith("ly")) return word.slice(0, -2);
  if (word.endsWith("es") && /(ch|sh|ss|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** A phrase as the tokenizer splits text: "l'ora" → "l' ora", "can't" → "can not". */
export function phraseKey(term: string): string {
  return term
    .replace(/\b(ca|wo|sha)n't\b/g, (_, stem: string) => `${{ca: "can", wo: "will", sha: "shall"}[stem]} not`)
    .replace(/n't\b/g, " not")
    .replace(/(\p{L})'(?=\p{L})/gu, "$1' ");
}

const emptyLexicon = (stem: (word: string) => string): Lexicon =>
  ({stems: new Map(), exact: new Map(), phrases: new Map(), longest: 1, starts: new Map(), pairs: new Set(), stem});

/** Parses term<TAB>weight lines, into a new lexicon or a given one; `#` starts a comment line. */
export function parseLexicon(
  tsv: string,
  stem: (word: string) => string,
  {source = "lexicon", stemmed = false, into = emptyLexicon(stem)}: {source?: string; stemmed?: boolean; into?: Lexicon} = {}
): Lexicon {
  const lexicon = into;
  tsv.split("\n").forEach((line, index) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const [term, value] = line.split("\t");
    const weight = Number(value);
    if (!term || value === undefined || !Number.isFinite(weight) || Math.abs(weight) > 3) {
      throw new Error(`bad lexicon line ${index + 1} in ${source}: ${JSON.stringify(line)}`);
    }
    if (stemmed) lexicon.stems.set(term, weight);
    else if (term.includes(" ") || (term.includes("'") && !term.endsWith("'"))) {
      // phrases match whole words, so "=" (exact form) means nothing for them
      const key = phraseKey(term.replace(/^=/, ""));
      lexicon.phrases.set(key, weight);
      const words = key.split(" ");
      lexicon.longest = Math.max(lexicon.longest, words.length);
      lexicon.starts.set(words[0]!, Math.max(lexicon.starts.get(words[0]!) ?? 0, words.length));
      lexicon.pairs.add(`${words[0]} ${words[1]}`);
    } else if (term.startsWith("=")) lexicon.exact.set(term.slice(1), weight);
    else {
      lexicon.exact.set(term, weight);
      // the first entry for a stem wins, so a listed form is never overridden by a later relative
      if (!lexicon.stems.has(stem(term))) lexicon.stems.set(stem(term), weight);
    }
  });
  return lexicon;
}

const CACHE_LIMIT = 200_000;

/** Memoises a stemmer: social text repeats the same words, and stemming is the costly step. */
export function cached(stem: (word: string) => string): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let hit = cache.get(word);
    if (hit === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      hit = stem(word);
      cache.set(word, hit);
    }
    return hit;
  };
}

/** The weight of one normalised word, or undefined when the lexicon does not know it. */
export function lookupWord(lexicon: Lexicon, word: string): number | undefined {
  const exact = lexicon.exact.get(word);
  if (exact !== undefined) return exact;
  const stem = lexicon.stem(word);
  return lexicon.stems.get(stem) ?? lexicon.fallback?.stems.get(stem);
}

const read = (name: string) => readFileSync(new URL(`./lexicon/${name}`, import.meta.url), "utf8");

export const stemItCached = cached(stemIt);
export const stemEnCached = cached(stemEn);

/** The lexicons shipped in transforms/text/lexicon/, loaded once. */
export const LEXICONS = {
  it: {
    ...parseLexicon(read("phrases.it.tsv"), stemItCached, {
      source: "phrases.it.tsv", into: parseLexicon(read("sentiment.it.tsv"), stemItCached, {source: "sentiment.it.tsv"})
    }),
    fallback: parseLexicon(read("pattern.it.tsv"), stemItCached, {source: "pattern.it.tsv", stemmed: true})
  },
  en: parseLexicon(read("phrases.en.tsv"), stemEnCached, {
    source: "phrases.en.tsv", into: parseLexicon(read("sentiment.en.tsv"), stemEnCached, {source: "sentiment.en.tsv"})
  }),
  emoji: parseLexicon(read("emoji.tsv"), (w) => w, {source: "emoji.tsv"})
};

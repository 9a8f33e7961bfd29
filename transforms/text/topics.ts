import {readFileSync} from "node:fs";
import {stemItCached} from "./lexicon.ts";
import {tokenize, type Token} from "./tokenize.ts";
import type {Lang} from "./types.ts";

/** One topic as written in data/config/topics.json. */
export interface Topic {
  id: string;
  label: string;
  keywords: string[];
  keywords_en?: string[];
}

interface Rule {
  topic: number;
  stems: string[];
}

/** A taxonomy ready for matching: keyword stem sequences indexed by their first stem. */
export interface Taxonomy {
  topics: Topic[];
  it: Map<string, Rule[]>;
  en: Map<string, Rule[]>;
  /** Single Italian keywords of 5+ letters, for glued hashtags (#allertameteo). */
  glued: {topic: number; word: string}[];
}

// English keywords match the exact form or the form less a plural s: enough for a short keyword list.
const stemEnPlural = (word: string) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word);

const keywordStems = (keyword: string, stem: (word: string) => string) =>
  tokenize(keyword).filter((token) => token.kind === "word").map((token) => stem(token.norm));

/** Validates and compiles a parsed topics.json; errors name the source and the offending topic. */
export function parseTaxonomy(json: unknown, source = "topics.json"): Taxonomy {
  const list = (json as {topics?: unknown} | null)?.topics;
  if (!Array.isArray(list)) throw new Error(`${source}: expected an object with a "topics" array`);
  const taxonomy: Taxonomy = {topics: [], it: new Map(), en: new Map(), glued: []};
  list.forEach((raw: Partial<Topic>, index) => {
    const where = `${source}: topic ${index + 1} (${JSON.stringify(raw?.id)})`;
    if (typeof raw?.id !== "string" || raw.id === "") throw new Error(`${where}: missing id`);
    if (typeof raw.label !== "string") throw new Error(`${where}: missing label`);
    if (!Array.isArray(raw.keywords) || raw.keywords.some((k) => typeof k !== "string")) {
      throw new Error(`${where}: keywords must be an array of strings`);
    }
    const topic: Topic = {id: raw.id, label: raw.label, keywords: raw.keywords, keywords_en: raw.keywords_en ?? []};
    const number = taxonomy.topics.push(topic) - 1;
    const add = (index: Map<string, Rule[]>, stems: string[]) => {
      if (stems.length === 0) return;
      const rules = index.get(stems[0]!) ?? [];
      rules.push({topic: number, stems});
      index.set(stems[0]!, rules);
    };
    for (const keyword of topic.keywords) {
      add(taxonomy.it, keywordStems(keyword, stemItCached));
      if (!keyword.includes(" ") && keyword.length >= 5) taxonomy.glued.push({topic: number, word: keyword.toLowerCase()});
    }
    for (const keyword of topic.keywords_en ?? []) add(taxonomy.en, keywordStems(keyword, stemEnPlural));
  });
  return taxonomy;
}

/** Reads and compiles a taxonomy file. */
export function loadTaxonomy(path: string | URL): Taxonomy {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`cannot read taxonomy ${String(path)}: ${(error as Error).message}`);
  }
  return parseTaxonomy(json, String(path));
}

let shipped: Taxonomy | undefined;

/** The taxonomy in data/config/topics.json, loaded on first use. */
export function defaultTaxonomy(): Taxonomy {
  return (shipped ??= loadTaxonomy(new URL("../../data/config/topics.json", import.meta.url)));
}

function matchKeywords(tokens: Token[], index: Map<string, Rule[]>, stem: (word: string) => string, found: Set<number>) {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== "word") continue;
    const rules = index.get(stem(token.norm));
    if (rules === undefined) continue;
    for (const rule of rules) {
      if (found.has(rule.topic)) continue;
      // the rest of a phrase must follow word by word (punctuation breaks it)
      let k = 1;
      while (k < rule.stems.length && tokens[i + k]?.kind === "word" && stem(tokens[i + k]!.norm) === rule.stems[k]) k++;
      if (k === rule.stems.length) found.add(rule.topic);
    }
  }
}

/** Topic ids whose keywords occur in the text (stems, so inflections match), in taxonomy order. */
export function detectTopics(
  text: string,
  lang: Lang,
  taxonomy: Taxonomy = defaultTaxonomy(),
  {tokens = tokenize(text)}: {tokens?: Token[]} = {}
): string[] {
  const found = new Set<number>();
  // Italian keywords always apply (the corpus is Italian, loanwords abound); English ones for English text
  matchKeywords(tokens, taxonomy.it, stemItCached, found);
  if (lang !== "it") matchKeywords(tokens, taxonomy.en, stemEnPlural, found);
  for (const token of tokens) {
    if (token.kind !== "hashtag") continue;
    for (const {topic, word} of taxonomy.glued) if (token.norm.includes(word)) found.add(topic);
  }
  return [...found].sort((a, b) => a - b).map((topic) => taxonomy.topics[topic]!.id);
}

import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

export type TokenKind = "word" | "number" | "emoji" | "emoticon" | "hashtag" | "mention" | "url" | "punct" | "other";

export interface Token {
  /** Lower case, elongations collapsed, accents restored ("e'" → "è"), laughter folded to "ahah". */
  norm: string;
  kind: TokenKind;
  /** Written in capitals (3+ letters): shouting. */
  caps: boolean;
  /** Came from a hashtag ("#GrazieComune" → grazie, comune). */
  tag: boolean;
}

// Tokenisation only: no sentence, POS or entity passes, which is the cost baseline bench/text.ts measures.
const nlp = winkNLP(model, []);

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const EMOTICON = /^(?:[:;=8xX][-'^o]?[()\[\]DPpSs/\\|*3Oo@$]+|[)(\]\[DdPp/\\|][-'^o]?[:;=]|<\/?3+|\^_*\^|-_-|[oO]_[oO])$/;
const WORDISH = /[\p{L}\p{N}]/u;

/**
 * The kind of one wink-nlp token, read from its text: asking wink for `its.type` costs a second pass
 * over the document, as much as the tokenisation itself.
 */
function kindOf(raw: string): TokenKind {
  const first = raw.charCodeAt(0);
  if (first === 35 /* # */ && raw.length > 1) return "hashtag";
  if (first === 64 /* @ */ && raw.length > 1) return "mention";
  if (/^(https?:|www\.)/i.test(raw) || /^[^\s@]+@[^\s@]+\.\w+$/.test(raw)) return "url";
  if (EMOTICON.test(raw)) return "emoticon";
  if (WORDISH.test(raw)) return /^[\d.,:/%-]+$/.test(raw) ? "number" : "word";
  if (EMOJI.test(raw)) return "emoji";
  if (/^[\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]+$/u.test(raw)) return "other";
  return "punct";
}

const ACCENT: Record<string, string> = {a: "à", e: "è", i: "ì", o: "ò", u: "ù"};
// "e'", "perche'", "citta'": the apostrophe stands for the accent; "po'" is a truncation and stays
const ACCENT_WORDS = /^(e|perche|poiche|affinche|benche|piu|gia|puo|cosi|citta|universita|verita|liberta|qualita|attivita|sicurezza|meta|pero|sara|fara|avra|potra|dovra|ce|c'e)$/;
const LAUGHTER = /^(?:(?:a*h+a+)+h*|(?:h+a+)+h*|(?:e*h+e+){2,}h*|(?:ja){2,}|lol+|lmao|rotfl|xd+)$/;
const ELISION = /^([a-zàèéìòù]*?)['’]([a-zàèéìòù].*)$/i;
const CENSORED = /(?<!\p{L})\p{L}\*{2,}\p{L}*/gu;
const VARIATION = /[\uFE0F\u200D]|\uD83C[\uDFFB-\uDFFF]/g;
// Chat spellings read as the words they stand for, so negation and phrases see them ("nn mi piace", "x niente")
const ABBREVIATIONS = new Map(Object.entries({
  nn: "non", cmq: "comunque", ke: "che", xò: "però", xk: "perché", xké: "perché", xkè: "perché", xke: "perché",
  xché: "perché", xchè: "perché", xche: "perché", qlc: "qualche", qlcs: "qualcosa", pls: "please", plz: "please", u: "you"
}));
// wink-nlp cuts "can't" into "ca" + "n't" and "won't" into "wo" + "n't"
const BEFORE_NOT = new Map([["ca", "can"], ["wo", "will"], ["sha", "shall"]]);

const normalised = new Map<string, string>();

function normaliseWord(raw: string): string {
  let norm = normalised.get(raw);
  if (norm === undefined) {
    if (normalised.size > 200_000) normalised.clear();
    norm = normaliseFresh(raw);
    normalised.set(raw, norm);
  }
  return norm;
}

function normaliseFresh(raw: string): string {
  const lower = raw.toLowerCase();
  // Collapse 3+ repeated letters ("bellooo" → "bello"); doubled letters are Italian spelling.
  const collapsed = lower.replace(/([a-zàèéìòù])\1{2,}/g, "$1");
  // a lower-case "x" between words is "per" ("x me", "x niente"); "X Factor" is not
  if (raw === "x") return "per";
  return ABBREVIATIONS.get(collapsed) ?? (LAUGHTER.test(collapsed) && collapsed.length >= 3 ? "ahah" : collapsed);
}

const isCaps = (raw: string) => raw.length >= 3 && raw === raw.toUpperCase() && raw !== raw.toLowerCase();

/** Splits "#GrazieComune" or "#grazie_comune" into words; digits and underscores separate too. */
export function splitHashtag(tag: string): string[] {
  return tag
    .replace(/^#/, "")
    .replace(/([a-zàèéìòù])([A-ZÀÈÉÌÒÙ])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_\d]+/)
    .filter((w) => w.length > 0);
}

/** The tokens one wink-nlp token becomes, out of context (an elision gives two, a hashtag several). */
function expand(raw: string): Token[] {
  const kind = kindOf(raw);
  if (kind === "word") {
    if (/^n't$/i.test(raw)) return [{norm: "not", kind, caps: false, tag: false}];
    const elided = raw.includes("'") ? ELISION.exec(raw) : null;
    if (elided) {
      // dell'ufficio → dell' + ufficio; the article carries nothing, the noun does
      return [
        {norm: elided[1]!.toLowerCase() + "'", kind, caps: false, tag: false},
        {norm: normaliseWord(elided[2]!), kind, caps: isCaps(elided[2]!), tag: false}
      ];
    }
    return [{norm: normaliseWord(raw), kind, caps: isCaps(raw), tag: false}];
  }
  if (kind === "hashtag") {
    const parts = splitHashtag(raw).map((part): Token => ({norm: normaliseWord(part), kind: "word", caps: false, tag: true}));
    return [{norm: raw.toLowerCase(), kind, caps: false, tag: true}, ...parts];
  }
  if (kind === "emoji" || kind === "other") {
    const base = raw.replace(VARIATION, "");
    if (base.length === 0) return [];
    // ZWJ sequences (🤦‍♂️) and skin tones fold to their first emoji
    return [{norm: kind === "emoji" ? String.fromCodePoint(base.codePointAt(0)!) : base, kind, caps: false, tag: false}];
  }
  return [{norm: kind === "punct" || kind === "emoticon" ? raw : raw.toLowerCase(), kind, caps: false, tag: false}];
}

// Posts repeat their words: expanding each distinct wink token once is most of the speed (tokens are shared, never mutated)
const expanded = new Map<string, Token[]>();

/** Tokenises a social post with wink-nlp, then splits Italian elisions and hashtags. */
export function tokenize(text: string): Token[] {
  let clean = text.includes("’") ? text.replace(/’/g, "'") : text;
  // "m***a", "c***o": censored swearing is still swearing
  if (clean.includes("**")) clean = clean.replace(CENSORED, "censored");
  const values = nlp.readDoc(clean).tokens().out() as string[];
  const tokens: Token[] = [];
  for (let i = 0; i < values.length; i++) {
    let raw = values[i]!;
    // wink-nlp ends a hashtag at the first accented letter (#cittàpulita → #citt, àpulita): glue it back
    while (raw.startsWith("#") && values[i + 1] !== undefined && /^\p{L}/u.test(values[i + 1]!) && clean.includes(raw + values[i + 1])) {
      raw += values[++i];
    }
    let parts = expanded.get(raw);
    if (parts === undefined) {
      if (expanded.size > 200_000) expanded.clear();
      parts = expand(raw);
      expanded.set(raw, parts);
    }
    const only = parts.length === 1 ? parts[0]! : undefined;
    const following = values[i + 1];
    if (only !== undefined && following !== undefined && following.length === 3 && following.charCodeAt(1) === 39 /* ' */) {
      const full = BEFORE_NOT.get(only.norm);
      if (full !== undefined && /^n't$/i.test(following)) {
        tokens.push({...only, norm: full});
        continue;
      }
    }
    if (only?.kind === "word" && values[i + 1] === "'" && (ACCENT_WORDS.test(only.norm) || only.norm === "po")) {
      // "e'" → "è", "perche'" → "perché"; "po'" is a truncation and keeps its apostrophe
      const norm = only.norm === "po" ? "po'" : only.norm.slice(0, -1) + ACCENT[only.norm.slice(-1)]!;
      tokens.push({...only, norm});
      i++;
      continue;
    }
    for (const part of parts) tokens.push(part);
  }
  return tokens;
}

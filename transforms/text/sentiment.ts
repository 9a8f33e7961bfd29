import {LEXICONS, lookupWord, type Lexicon} from "./lexicon.ts";
import {combine, type Clause, type Hit} from "./combine.ts";
import {foldText, IRONY_EMOJI, LAUGHTER, NEWS_AGENCIES, PRAISE_EMOJI, RULES, type LanguageRules} from "./rules.ts";
import {tokenize, type Token} from "./tokenize.ts";
import type {Lang, Sentiment} from "./types.ts";

export {NEUTRAL_BAND} from "./combine.ts";

const NEGATION_SCOPE = 3;
const QUOTES = new Set(['"', "“", "”", "«", "»", "'"]);
const TOO_MUCH = /^(troppo|troppa|troppi|troppe|too)$/;
const BREAKS = /^[.,;:!?…()\[\]]+$|^\.\.+$/;
const SENTENCE_END = /[.;!?…]/;
/** How far after a subject negator a verb of care is looked for ("nessuno si preoccupa", "nobody at the DMV knows"). */
const NEGLECT_REACH = 4;
/** "Basta!", "ora basta", "basta con ...": weight of an exclamation of enough. */
const ENOUGH = -1.5;

const memo = {it: new Map<string, number | null>(), en: new Map<string, number | null>()};

/** wordWeight, remembered per word: social text repeats its words. */
function cachedWeight(lexicon: Lexicon, word: string, lang: "it" | "en"): number | undefined {
  const cache = memo[lang];
  let weight = cache.get(word);
  if (weight === undefined) {
    if (cache.size > 200_000) cache.clear();
    weight = wordWeight(lexicon, word, lang) ?? null;
    cache.set(word, weight);
  }
  return weight ?? undefined;
}

const NOT_PLAIN = 0;
const PLAIN_FUNCTION = 1;
const PLAIN_CONTENT = 2;
const plainMemo = {it: new Map<string, number>(), en: new Map<string, number>()};

/** Whether a word has no weight and no role in the rules, and if so whether it uses up a negation's scope. */
function plainness(word: string, lang: "it" | "en", rules: LanguageRules, lexicon: Lexicon): number {
  const cache = plainMemo[lang];
  let kind = cache.get(word);
  if (kind === undefined) {
    const special = LAUGHTER.has(word) || rules.modifierStarts.has(word) || lexicon.starts.has(word) || rules.cheers.has(word) ||
      NEWS_AGENCIES.has(word) ||
      rules.negators.has(word) || word === "che" || rules.contrast.has(word) || rules.modifiers.has(word) ||
      cachedWeight(lexicon, word, lang) !== undefined;
    kind = special ? NOT_PLAIN : rules.functionWords.has(word) ? PLAIN_FUNCTION : PLAIN_CONTENT;
    if (cache.size > 200_000) cache.clear();
    cache.set(word, kind);
  }
  return kind;
}

/** A lexicon weight for a word, trying the base of Italian superlatives (bellissimo → bello, ×1.5). */
function wordWeight(lexicon: Lexicon, word: string, lang: Lang): number | undefined {
  const weight = lookupWord(lexicon, word);
  if (weight !== undefined || lang !== "it") return weight;
  const base = /issim[oaie]$/.test(word) ? word.replace(/issim[oaie]$/, "o") : undefined;
  if (base) {
    const baseWeight = lookupWord(lexicon, base);
    if (baseWeight !== undefined) return Math.max(-3, Math.min(3, baseWeight * 1.5));
  }
  return undefined;
}

/** Glued hashtags without capitals (#cittàpulita): look for a polar word at either end. */
function hashtagWeight(lexicon: Lexicon, word: string, lang: Lang): number | undefined {
  for (let k = 3; k <= word.length - 3; k++) {
    const right = word.slice(k);
    const left = word.slice(0, word.length - k);
    const weight = (left.length >= 4 ? wordWeight(lexicon, left, lang) : undefined) ??
      (right.length >= 4 ? wordWeight(lexicon, right, lang) : undefined);
    // only a clear word decides a glued tag: #matteorisponde is not praise
    if (weight && Math.abs(weight) >= 1) return weight;
  }
  return undefined;
}

function phraseAt(tokens: Token[], i: number, lexicon: Lexicon): [string, number, number] | undefined {
  const longest = lexicon.starts.get(tokens[i]!.norm);
  if (longest === undefined || !lexicon.pairs.has(`${tokens[i]!.norm} ${tokens[i + 1]?.norm}`)) return undefined;
  for (let n = Math.min(longest, tokens.length - i); n >= 2; n--) {
    const parts: string[] = [];
    for (let j = i; j < i + n && tokens[j]!.kind === "word"; j++) parts.push(tokens[j]!.norm);
    if (parts.length < n) continue;
    const weight = lexicon.phrases.get(parts.join(" "));
    if (weight !== undefined) return [parts.join(" "), weight, n];
  }
  return undefined;
}

interface State {
  hits: Hit[];
  clauses: Clause[];
  negation: number;
  /** The negator is a subject ("nessuno si preoccupa"), so criticism after it is not turned. */
  subject: boolean;
  modifier: number;
  modifierLeft: number;
}

function push(state: State, term: string, raw: number, token: Token | undefined, praise: boolean): void {
  let weight = raw * state.modifier;
  if (token?.caps) weight *= 1.5;
  // "non bello" is bad, "non male" and "nessun problema" good; a negative word only turns right after the
  // negator ("nessun problema"), not further on ("nessuno ripara il semaforo rotto")
  if (state.negation > 0 && weight > 0) weight *= -0.8;
  else if (state.negation >= NEGATION_SCOPE - 1 && weight < 0 && !state.subject) weight *= -0.8;
  state.hits.push({term, weight, clause: state.clauses.length - 1, praise: praise && weight > 0, ironic: false});
  state.modifier = 1;
  state.modifierLeft = 0;
  if (state.negation > 0) state.negation--;
}

/** Scores the sentiment of one text with a lexicon and rules: negation, intensity, irony, emoji. */
export function scoreSentiment(
  text: string,
  lang: Lang,
  {tokens = tokenize(text), folded}: {tokens?: Token[]; folded?: string} = {}
): Sentiment {
  const rules: LanguageRules | undefined = lang === "other" ? undefined : RULES[lang];
  const lexicon = lang === "other" ? undefined : LEXICONS[lang];
  const state: State = {
    hits: [], clauses: [{question: false, bangs: 0, sentence: 0}], negation: 0, subject: false, modifier: 1, modifierLeft: 0
  };
  const {hits, clauses} = state;
  let contrastAt = -1;
  let laughter = 0;
  let ironyCue = false;
  let capsWords = 0;
  let words = 0;
  let newClause = false;
  let sentence = 0;
  let opening = true;
  let news = false;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const {norm, kind} = token;
    if (kind === "punct") {
      const clause = clauses[clauses.length - 1]!;
      // "Chi vince secondo voi, Renzi o Bersani?": the question covers the whole sentence, commas included
      if (norm.includes("?")) for (let c = clauses.length - 1; c >= 0 && clauses[c]!.sentence === sentence; c--) clauses[c]!.question = true;
      for (const c of norm) if (c === "!") clause.bangs++;
      if (BREAKS.test(norm)) {
        state.negation = 0;
        state.modifier = 1;
        newClause = true;
      }
      const last = hits[hits.length - 1];
      if (last?.praise && norm.startsWith("..")) ironyCue = true;
      if (SENTENCE_END.test(norm)) sentence++;
      continue;
    }
    if (newClause) {
      clauses.push({question: false, bangs: 0, sentence});
      newClause = false;
      opening = true;
    }
    if (kind === "emoji" || kind === "emoticon") {
      if (LAUGHTER.has(norm)) laughter++;
      else if (IRONY_EMOJI.has(norm)) ironyCue = true;
      const weight = LAUGHTER.has(norm) ? undefined : lookupWord(LEXICONS.emoji, norm);
      if (weight) hits.push({term: norm, weight, clause: clauses.length - 1, praise: PRAISE_EMOJI.has(norm), ironic: false});
      continue;
    }
    if (kind === "mention" && tokens[i - 1]?.norm === "via") news = true;
    if (kind !== "word") continue;
    if (LAUGHTER.has(norm)) {
      laughter++;
      continue;
    }
    if (!rules || !lexicon) continue;
    const first = opening;
    opening = false;
    words++;
    if (token.caps) capsWords++;
    if (rules.enough.words.has(norm)) {
      const after = tokens[i + 1];
      const before = tokens[i - 1];
      if (after?.kind !== "word" || rules.enough.after.has(after.norm) || (before?.kind === "word" && rules.enough.before.has(before.norm))) {
        push(state, norm, ENOUGH, token, false);
      }
      continue;
    }
    // most words play no part at all: one lookup settles them
    const plain = plainness(norm, lang as "it" | "en", rules, lexicon);
    if (plain !== NOT_PLAIN && !token.tag) {
      if (plain === PLAIN_CONTENT) {
        if (state.negation > 0) state.negation--;
        if (state.modifierLeft > 0 && --state.modifierLeft === 0) state.modifier = 1;
      }
      continue;
    }

    const next = tokens[i + 1];
    const pair = next && rules.modifierStarts.has(norm) ? rules.modifierPhrases.get(`${norm} ${next.norm}`) : undefined;
    if (pair !== undefined) {
      state.modifier *= pair;
      state.modifierLeft = 3;
      i++;
      continue;
    }
    const phrase = phraseAt(tokens, i, lexicon);
    if (phrase) {
      if (phrase[1] !== 0) push(state, phrase[0], phrase[1], token, rules.praise.has(norm));
      i += phrase[2] - 1;
      continue;
    }
    if (rules.negators.has(norm)) {
      const following = next?.kind === "word" ? next.norm : "";
      if (rules.emphaticAfterNegator.test(following)) {
        // "non ho mai visto la città così pulita": emphasis, not state.negation
        state.negation = 0;
        state.modifier = 1.4;
        state.modifierLeft = 4;
        i++;
      } else {
        state.negation = NEGATION_SCOPE;
        state.subject = rules.subjectNegators.has(norm) && neglect(state, tokens, i, rules);
      }
      continue;
    }
    if (NEWS_AGENCIES.has(norm)) news = true;
    // "non posso che ringraziare": "che" opens a clause the state.negation does not reach
    if (norm === "che") state.negation = 0;
    if (rules.contrast.has(norm)) {
      contrastAt = hits.length;
      state.negation = 0;
    }
    const mod = rules.modifiers.get(norm);
    if (mod !== undefined) {
      // "troppo traffico": too much of something plain is a complaint
      if (TOO_MUCH.test(norm) && next?.kind === "word" && !rules.modifiers.has(next.norm) &&
        cachedWeight(lexicon, next.norm, lang as "it" | "en") === undefined && !rules.functionWords.has(next.norm)) {
        push(state, norm, -0.8, token, false);
        continue;
      }
      state.modifier *= mod;
      // "poco personale e troppe attese": a turning state.modifier reaches only the next word
      state.modifierLeft = mod < 0 ? 1 : 2;
      continue;
    }
    const weight = cachedWeight(lexicon, norm, lang as "it" | "en") ?? (first ? rules.cheers.get(norm) : undefined) ??
      (token.tag && norm.length >= 7 ? hashtagWeight(lexicon, norm, lang) : undefined);
    if (weight) {
      push(state, norm, weight, token, rules.praise.has(norm));
      const last = hits[hits.length - 1]!;
      const before = tokens[i - 1];
      if (last.praise) {
        if (next && rules.ironyAfterPraise.has(next.norm)) ironyCue = true;
        // "grazie governo eh": one word between, closing the clause
        const after = tokens[i + 2];
        if (next?.kind === "word" && after && rules.ironyAfterPraise.has(after.norm) && tokens[i + 3]?.kind !== "word") ironyCue = true;
        // quoted praise ("ottimo" lavoro) and repeated praise (bravi bravi) are sarcastic
        if (before && next && QUOTES.has(before.norm) && QUOTES.has(next.norm)) ironyCue = true;
        if (next?.norm === norm || (before?.norm === "che" && tokens[i - 2]?.norm === "ma")) ironyCue = true;
      }
    } else if (!rules.functionWords.has(norm)) {
      if (state.negation > 0) state.negation--;
      if (state.modifierLeft > 0 && --state.modifierLeft === 0) state.modifier = 1;
    }
  }

  return combine(text, folded ?? (rules ? foldText(text) : ""), hits, clauses, {rules, contrastAt, laughter, ironyCue, capsWords, words, news});
}

/**
 * "nessuno si preoccupa", "nobody at the DMV knows": a subject negator before a verb of care is a complaint.
 * Pushes it and says whether it found one ("nessuno è rimasto ferito" has none).
 */
function neglect(state: State, tokens: Token[], at: number, rules: LanguageRules): boolean {
  for (let j = at + 1; j <= at + NEGLECT_REACH && tokens[j]?.kind === "word"; j++) {
    if (rules.neglectVerbs.test(tokens[j]!.norm)) {
      const term = `${tokens[at]!.norm} ${tokens[j]!.norm}`;
      state.hits.push({term, weight: -1.5, clause: state.clauses.length - 1, praise: false, ironic: false});
      return true;
    }
  }
  return false;
}

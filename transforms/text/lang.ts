import {LEXICONS, lookupWord} from "./lexicon.ts";
import {tokenize, type Token} from "./tokenize.ts";
import type {Lang} from "./types.ts";

const set = (words: string) => new Set(words.split(/\s+/));

// Frequent words of each language, chosen to be rare in the others (no "a", "in", "no", "per", "con").
const IT = set(`il lo la gli le un uno una di del della dello dei degli delle al alla allo ai agli alle dal
  dalla dai dagli dalle nel nella nello nei negli nelle sul sulla sui sugli sulle è e ed che chi non più
  anche ancora come dove quando perché perchè cosa questo questa questi queste quello quella sono siamo
  siete hanno ha ho abbiamo avete era stato stata essere fare fatto fa molto poco tutto tutti tutte sempre
  mai oggi ieri domani già ci si mi ti vi ne ma però solo dopo prima senza tra fra verso qui qua lì là
  nostro nostra vostro vostra suo sua loro mio mia grazie ciao buongiorno buonasera salve boh mah comune
  sindaco città via piazza scuola strada lavori ore giorni anni nuovo nuova bene male niente nulla nessuno
  qualcuno ogni anno volta ecco sì c' l' d' dell' all' nell' sull' un' dall' po' de dei poi cosi così
  quindi allora quanto quale quali vorrei sapere può posso devo bisogna ufficio orari aperto chiuso
  lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo aprile maggio giugno
  luglio agosto settembre ottobre novembre dicembre`);
const EN = set(`the of and to is are was were be been being it its this that these those with for from by
  on at as have has had do does did not what which who whom when where why how there their they them
  you your we our he she his her my me i am will would can could should just about more some any all
  very really so too than then now today yesterday tomorrow thanks thank please hello hi again still
  new city council street road people here after before because but if or an into over out up down
  don't can't won't isn't doesn't didn't it's i'm that's let's what's get got one two week day time`);
// A few unmistakable words of the neighbours, so Spanish, French, German, Portuguese say "other".
const OTHER = set(`el los las y es por para una está están muy pero también gracias hola qué cómo le les
  et est sont avec pour dans nous vous ils elles merci bonjour très mais aussi c'est qu'il der die das und
  ist nicht mit für auf ein eine ich sie wir danke auch sehr não uma muito obrigado você também são`);

const ITALIAN_LETTERS = /[àèìòù]/;
const ENGLISH_SHAPES = /(^th|ing$|ould$|ight$|ness$|'s$|n't$|^wh)/;

type Evidence = {it: number; en: number; other: number};
const memo = new Map<string, Evidence>();

function cachedEvidence(word: string): Evidence {
  let evidence = memo.get(word);
  if (evidence === undefined) {
    if (memo.size > 200_000) memo.clear();
    evidence = wordEvidence(word);
    memo.set(word, evidence);
  }
  return evidence;
}

/** Evidence per language from one word token. Exported for tests. */
export function wordEvidence(word: string): Evidence {
  const evidence = {it: 0, en: 0, other: 0};
  if (IT.has(word)) evidence.it += 2;
  if (EN.has(word)) evidence.en += 2;
  if (OTHER.has(word)) evidence.other += 2;
  if (evidence.it + evidence.en + evidence.other > 0) return evidence;
  if (ITALIAN_LETTERS.test(word)) evidence.it += 1;
  if (ENGLISH_SHAPES.test(word)) evidence.en += 1;
  if (lookupWord(LEXICONS.it, word) !== undefined) evidence.it += 1;
  if (lookupWord(LEXICONS.en, word) !== undefined) evidence.en += 1;
  if (word.length >= 4 && /^[a-z]+$/.test(word)) {
    // Italian words end in a vowel; English words mostly do not
    if (/[aeiou]$/.test(word)) evidence.it += 0.4;
    else evidence.en += 0.4;
  }
  return evidence;
}

/**
 * Italian, English or other, from function words, lexicon hits, accents and word endings.
 * Text with no evidence (emoji only, a link, "ok") is "other": nothing says which language it is.
 */
export function detectLang(text: string, {tokens = tokenize(text)}: {tokens?: Token[]} = {}): Lang {
  const total = {it: 0, en: 0, other: 0};
  for (const token of tokens) {
    if (token.kind !== "word" || token.norm.length < 2 && token.norm !== "è" && token.norm !== "i") continue;
    const evidence = cachedEvidence(token.norm);
    // hashtags are often English loanwords in Italian posts: they count less
    const weight = token.tag ? 0.5 : 1;
    total.it += evidence.it * weight;
    total.en += evidence.en * weight;
    total.other += evidence.other * weight;
  }
  const best = Math.max(total.it, total.en, total.other);
  if (best < 0.4) return "other";
  // ties go to Italian, the language of the corpus
  if (total.it === best) return "it";
  return total.en === best ? "en" : "other";
}

import {HEADLINE, type LanguageRules} from "./rules.ts";
import type {Sentiment} from "./types.ts";

/** |score| below this is neutral: a lone mild word ("attesa", "promesse") does not make a post polar. */
export const NEUTRAL_BAND = 0.2;
/** Raw lexicon units are squashed with tanh(sum / SCALE) into [-1, 1]. */
const SCALE = 3;
/** Reported speech and headlines count this much in their first sentence, shared news this much overall. */
const HEADLINE_WEIGHT = 0.4;
const NEWS_WEIGHT = 0.5;

export interface Clause {
  question: boolean;
  bangs: number;
  sentence: number;
}

export interface Hit {
  term: string;
  weight: number;
  clause: number;
  praise: boolean;
  ironic: boolean;
}

export interface Signals {
  rules: LanguageRules | undefined;
  contrastAt: number;
  laughter: number;
  ironyCue: boolean;
  capsWords: number;
  words: number;
  /** Names a news agency or shares an article ("via @repubblica"). */
  news: boolean;
}

/** The text-level step: questions, contrast, irony, headlines, laughter and shouting, then the label. */
export function combine(text: string, lower: string, hits: Hit[], clauses: Clause[], signals: Signals): Sentiment {
  const {rules, contrastAt, laughter, capsWords, words, news} = signals;
  const rhetorical = rules !== undefined && (rules.rhetorical.test(lower) || /\?\s*\?|\?!|!\?/.test(lower));
  const colon = hits.length > 0 ? text.indexOf(":") : -1;
  const headline = colon > 0 && colon < 48 && HEADLINE.test(text);

  hits.forEach((hit, index) => {
    const clause = clauses[hit.clause]!;
    if (clause.question && !rhetorical) hit.weight *= 0.3;
    // "quando finalmente lo riparerete??": praise inside a rhetorical question is not praise
    if (rhetorical && hit.weight > 0) hit.weight *= 0.3;
    if (clause.bangs > 0) hit.weight *= clause.bangs > 1 ? 1.4 : 1.2;
    if (contrastAt > 0 && contrastAt < hits.length) hit.weight *= index < contrastAt ? 0.5 : 1.3;
    if (headline && clause.sentence === 0) hit.weight *= HEADLINE_WEIGHT;
    if (news) hit.weight *= NEWS_WEIGHT;
  });

  const praise = hits.filter((hit) => hit.praise);
  // only praise can turn ironic, so only then is it worth looking for a recurring complaint
  const recurrence = praise.length > 0 && rules !== undefined && rules.recurrence.test(lower);
  const negative = hits.some((hit) => !hit.praise && hit.weight < 0);
  const otherPositive = hits.some((hit) => !hit.praise && hit.weight > 0);
  const sarcasticOpener = hits[0]?.praise === true && !otherPositive && (negative || recurrence);
  // "Renzi ha distrutto il PD in tre anni, chapeau 👏": praise closing a text whose only other content is real
  // criticism; not a closing thanks ("segnalo una buca, grazie" is politeness) and not after a mild complaint word
  const last = hits[hits.length - 1];
  const sarcasticCloser = last?.praise === true && !otherPositive && contrastAt < 0 && !rules?.thanks.has(last.term) &&
    hits.some((hit) => !hit.praise && hit.weight <= -1.5 && hit.clause < last.clause);
  const marked = praise.length > 0 && rules !== undefined && rules.ironyMarkers.test(lower);
  // "L'ufficio è chiuso e sul sito c'è scritto aperto. Complimenti!!!"
  const loudPraise = praise.some((hit) => clauses[hit.clause]!.bangs >= 3) &&
    (negative || recurrence || (!otherPositive && praise.every((hit) => hit.clause > 0) && words >= 6));
  if (praise.length > 0 && (signals.ironyCue || sarcasticOpener || sarcasticCloser || marked || loudPraise || rhetorical)) {
    for (const hit of praise) {
      hit.weight = -0.8 * Math.abs(hit.weight);
      hit.ironic = true;
    }
  }

  let sum = hits.reduce((total, hit) => total + hit.weight, 0);
  const mocking = negative || praise.some((hit) => hit.ironic) || rhetorical;
  if (laughter > 0) sum += mocking ? -0.5 : 1;
  if (rhetorical) sum -= 1.2;
  const shouting = capsWords >= 3 && capsWords >= words / 2;
  // shouting with no polar word is, in replies to a public body, a complaint
  if (shouting) sum = hits.length > 0 ? sum * 1.3 : sum - (clauses.some((c) => c.bangs > 0) ? 0.9 : 0.7);

  const score = Math.round(Math.tanh(sum / SCALE) * 1000) / 1000;
  const label = score >= NEUTRAL_BAND ? "positive" : score <= -NEUTRAL_BAND ? "negative" : "neutral";
  const terms = [...new Set(hits.filter((hit) => hit.weight !== 0).map((hit) => hit.term))];
  if (laughter > 0) terms.push("ahah");
  return {label, score: Object.is(score, -0) ? 0 : score, terms};
}

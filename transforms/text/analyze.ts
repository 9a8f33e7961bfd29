import {detectLang} from "./lang.ts";
import {classifyReply, isComplaint, isQuestion} from "./requests.ts";
import {foldText} from "./rules.ts";
import {scoreSentiment} from "./sentiment.ts";
import {tokenize} from "./tokenize.ts";
import {defaultTaxonomy, detectTopics, type Taxonomy} from "./topics.ts";
import type {TextAnalysis} from "./types.ts";

export interface AnalyzeOptions {
  /** The organisation's own post or reply: only then is reply_type set. */
  isOwn?: boolean;
  taxonomy?: Taxonomy;
}

/** Language, sentiment, topics, question/complaint flags and reply type of one post, tokenised once. */
export function analyzeText(text: string, {isOwn = false, taxonomy = defaultTaxonomy()}: AnalyzeOptions = {}): TextAnalysis {
  const tokens = tokenize(text);
  const lang = detectLang(text, {tokens});
  const folded = foldText(text);
  const sentiment = scoreSentiment(text, lang, {tokens, folded});
  const topics = detectTopics(text, lang, taxonomy, {tokens});
  return {
    lang,
    sentiment,
    topics,
    is_question: isQuestion(text, lang, {folded}),
    is_complaint: !isOwn && isComplaint(text, lang, {negative: sentiment.label === "negative", folded, topics}),
    reply_type: isOwn ? classifyReply(text) : null
  };
}

/** analyzeText over many texts; `isOwn` may differ per item. */
export function analyzeBatch(
  items: Iterable<string | {text: string; isOwn?: boolean}>,
  {taxonomy = defaultTaxonomy()}: {taxonomy?: Taxonomy} = {}
): TextAnalysis[] {
  const results: TextAnalysis[] = [];
  for (const item of items) {
    const {text, isOwn = false} = typeof item === "string" ? {text: item} : item;
    results.push(analyzeText(text, {isOwn, taxonomy}));
  }
  return results;
}

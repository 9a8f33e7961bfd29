/** Text analysis for ascolto: pure functions over one post's text. */
export {analyzeBatch, analyzeText, type AnalyzeOptions} from "./analyze.ts";
export {detectLang} from "./lang.ts";
export {classifyReply, isComplaint, isQuestion} from "./requests.ts";
export {NEUTRAL_BAND, scoreSentiment} from "./sentiment.ts";
export {stemIt} from "./stem-it.ts";
export {tokenize, type Token} from "./tokenize.ts";
export {defaultTaxonomy, detectTopics, loadTaxonomy, parseTaxonomy, type Taxonomy, type Topic} from "./topics.ts";
export type {Lang, ReplyType, Sentiment, SentimentLabel, TextAnalysis} from "./types.ts";

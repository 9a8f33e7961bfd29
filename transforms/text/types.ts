/** The contract between text analysis (transforms/text/) and the SQL transforms that store its output. */

export type Lang = "it" | "en" | "other";
export type SentimentLabel = "positive" | "negative" | "neutral";

export interface Sentiment {
  label: SentimentLabel;
  /** In [-1, 1]. */
  score: number;
  /** The terms (words, emoji, emoticons) that drove the score, as they appear after normalisation. */
  terms: string[];
}

/** How an organisation's reply treats a citizen's message (customer care). */
export type ReplyType = "answer" | "redirect" | "acknowledgement";

export interface TextAnalysis {
  lang: Lang;
  sentiment: Sentiment;
  /** Topic ids from the taxonomy in data/config/topics (an item may have several). */
  topics: string[];
  /** Asks something: a question or a request for information. */
  is_question: boolean;
  /** Reports a problem ("segnalazione") or complains. */
  is_complaint: boolean;
  /** Only meaningful for the organisation's own replies; null otherwise. */
  reply_type: ReplyType | null;
}

import type {Analyze} from "../../transforms/analyze-items.ts";

const topics: Array<[string, RegExp]> = [
  ["rifiuti", /rifiut|raccolta|sacchi/i], ["strade", /buca|strad|lampion/i], ["anagrafe", /anagrafe/i],
  ["tributi", /tari\b|imu\b/i], ["verde", /parco/i]
];

/** A tiny stand-in for transforms/text/analyze.ts: keyword rules whose output a test can predict. */
export const analyzeDouble: Analyze = (text, {isOwn}) => {
  const positive = /grazie|ottimo|bella/i.test(text) && !isOwn, negative = /vergogna|schifo/i.test(text);
  return {
    lang: "it",
    sentiment: positive ? {label: "positive", score: 0.8, terms: ["grazie"]}
      : negative ? {label: "negative", score: -0.8, terms: ["vergogna"]} : {label: "neutral", score: 0, terms: []},
    topics: topics.filter(([, pattern]) => pattern.test(text)).map(([id]) => id),
    is_question: text.includes("?"),
    is_complaint: /buca|rotto|vergogna/i.test(text),
    reply_type: !isOwn ? null : /contattare|rivolgersi/i.test(text) ? "redirect" : /segnalazione/i.test(text) ? "acknowledgement" : "answer"
  };
};

import {describe, expect, it} from "vitest";
import {analyzeText} from "../../../transforms/text/analyze.ts";
import {scoreSentiment} from "../../../transforms/text/sentiment.ts";
import {evaluate, readExamples} from "./evaluate.ts";

// Measured floors (transforms/text/README.md) less a margin of about two items per set,
// so lexicon edits cannot quietly make things worse. The challenge sets are SENTIPOLC/SemEval-style tweets
// written by a second author; challenge2 was written after the rules were final and never tuned on.
const FLOORS = [
  {set: "dev-set.it.tsv", lang: "it", accuracy: 0.95, macroF1: 0.95, perLabel: 10},
  {set: "dev-set.en.tsv", lang: "en", accuracy: 0.95, macroF1: 0.95, perLabel: 10},
  {set: "heldout.it.tsv", lang: "it", accuracy: 0.94, macroF1: 0.94, perLabel: 10},
  {set: "heldout.en.tsv", lang: "en", accuracy: 0.93, macroF1: 0.93, perLabel: 10},
  {set: "challenge.it.tsv", lang: "it", accuracy: 0.89, macroF1: 0.89, perLabel: 80},
  {set: "challenge.en.tsv", lang: "en", accuracy: 0.95, macroF1: 0.94, perLabel: 20},
  {set: "challenge2.it.tsv", lang: "it", accuracy: 0.77, macroF1: 0.78, perLabel: 30},
  {set: "challenge2.en.tsv", lang: "en", accuracy: 0.82, macroF1: 0.80, perLabel: 9}
] as const;

describe("sentiment accuracy on the labelled sets", () => {
  it.each(FLOORS)("$set stays above its floor", ({set, lang, accuracy, macroF1}) => {
    const examples = readExamples(set);
    const given = evaluate(examples, (text) => scoreSentiment(text, lang).label);
    const detected = evaluate(examples, (text) => analyzeText(text).sentiment.label);
    console.log(`${set}: n=${given.n} accuracy ${given.accuracy.toFixed(3)} macro-F1 ${given.macroF1.toFixed(3)}; ` +
      `with detected language ${detected.accuracy.toFixed(3)} / ${detected.macroF1.toFixed(3)}`);
    expect(given.accuracy).toBeGreaterThanOrEqual(accuracy);
    expect(given.macroF1).toBeGreaterThanOrEqual(macroF1);
    expect(detected.macroF1).toBeGreaterThanOrEqual(macroF1 - 0.02);
  });

  it("has enough examples of every label", () => {
    for (const {set, perLabel} of FLOORS) {
      const examples = readExamples(set);
      for (const label of ["positive", "negative", "neutral"]) {
        expect(examples.filter((e) => e.label === label).length, `${set} ${label}`).toBeGreaterThanOrEqual(perLabel);
      }
    }
    expect(readExamples("dev-set.it.tsv").length).toBeGreaterThanOrEqual(300);
    expect(readExamples("dev-set.en.tsv").length).toBeGreaterThanOrEqual(100);
  });
});

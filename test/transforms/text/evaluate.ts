import {readFileSync} from "node:fs";
import type {SentimentLabel} from "../../../transforms/text/types.ts";

export interface Example {
  label: SentimentLabel;
  text: string;
}

export interface Scores {
  n: number;
  accuracy: number;
  macroF1: number;
  f1: Record<SentimentLabel, number>;
}

const LABELS: SentimentLabel[] = ["positive", "negative", "neutral"];

/** Reads a label<TAB>text file from this folder. */
export function readExamples(name: string): Example[] {
  const text = readFileSync(new URL(`./${name}`, import.meta.url), "utf8");
  return text.split("\n").filter((line) => line.trim() !== "").map((line, index) => {
    const [label, ...rest] = line.split("\t");
    if (!LABELS.includes(label as SentimentLabel)) throw new Error(`bad label ${JSON.stringify(label)} at ${name}:${index + 1}`);
    return {label: label as SentimentLabel, text: rest.join("\t")};
  });
}

/** Accuracy and macro-averaged F1 over the three labels. */
export function evaluate(examples: Example[], predict: (text: string) => SentimentLabel): Scores {
  const predicted = examples.map((example) => predict(example.text));
  const f1 = {} as Record<SentimentLabel, number>;
  for (const label of LABELS) {
    const tp = examples.filter((e, i) => e.label === label && predicted[i] === label).length;
    const fp = predicted.filter((p, i) => p === label && examples[i]!.label !== label).length;
    const fn = examples.filter((e, i) => e.label === label && predicted[i] !== label).length;
    f1[label] = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  const correct = examples.filter((e, i) => e.label === predicted[i]).length;
  const macroF1 = LABELS.reduce((sum, label) => sum + f1[label], 0) / LABELS.length;
  return {n: examples.length, accuracy: correct / examples.length, macroF1, f1};
}

import {readFileSync} from "node:fs";

/** What a citizen's comment asks of the administration: see transforms/text/README.md, "Requests". */
export type RequestLabel = "question" | "complaint" | "both" | "neither";

export interface RequestExample {
  label: RequestLabel;
  text: string;
}

export interface Flags {
  is_question: boolean;
  is_complaint: boolean;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface RequestScores {
  n: number;
  question: Counts;
  complaint: Counts;
  /** is_question || is_complaint against "not neither": what the customer-care indicators count. */
  request: Counts;
}

const LABELS: RequestLabel[] = ["question", "complaint", "both", "neither"];

/** Reads a label<TAB>text file of this folder; labels question, complaint, both, neither. */
export function readRequestExamples(name: string): RequestExample[] {
  const text = readFileSync(new URL(`./${name}`, import.meta.url), "utf8");
  return text.split("\n").filter((line) => line.trim() !== "").map((line, index) => {
    const [label, ...rest] = line.split("\t");
    if (!LABELS.includes(label as RequestLabel)) throw new Error(`bad label ${JSON.stringify(label)} at ${name}:${index + 1}`);
    return {label: label as RequestLabel, text: rest.join("\t")};
  });
}

function counts(gold: boolean[], predicted: boolean[]): Counts {
  let tp = 0, fp = 0, fn = 0;
  gold.forEach((g, i) => {
    if (g && predicted[i]) tp++;
    else if (predicted[i]) fp++;
    else if (g) fn++;
  });
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {tp, fp, fn, precision, recall, f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)};
}

/** Precision, recall and F1 of is_question, is_complaint and their union. */
export function scoreRequests(examples: RequestExample[], predict: (text: string) => Flags): RequestScores {
  const flags = examples.map((example) => predict(example.text));
  const asks = (label: RequestLabel) => label === "question" || label === "both";
  const reports = (label: RequestLabel) => label === "complaint" || label === "both";
  return {
    n: examples.length,
    question: counts(examples.map((e) => asks(e.label)), flags.map((f) => f.is_question)),
    complaint: counts(examples.map((e) => reports(e.label)), flags.map((f) => f.is_complaint)),
    request: counts(examples.map((e) => e.label !== "neither"), flags.map((f) => f.is_question || f.is_complaint))
  };
}

import {createInterface} from "node:readline";
import type {Command} from "commander";
import {detectLang} from "./lang.ts";
import {scoreSentiment} from "./sentiment.ts";
import {tokenize} from "./tokenize.ts";
import type {Lang} from "./types.ts";

/** One output line: label, score and lang first, as the CLI contract says; terms after. */
export function sentimentLine(text: string, {lang: forced}: {lang?: Lang} = {}): string {
  const tokens = tokenize(text);
  const lang = forced ?? detectLang(text, {tokens});
  const {label, score, terms} = scoreSentiment(text, lang, {tokens});
  return JSON.stringify({label, score, lang, terms});
}

/** The `sentiment` verb: one text per line on stdin, one JSON object per line on stdout. */
export function sentimentCommand(program: Command): void {
  program
    .command("sentiment")
    .description("score the sentiment of each line on stdin; prints {label, score, lang, terms} per line")
    .option("--lang <lang>", "skip detection and score every line as it, en or other")
    .action(async (options: {lang?: string}) => {
      if (options.lang !== undefined && !["it", "en", "other"].includes(options.lang)) {
        throw new Error(`--lang must be it, en or other, not ${JSON.stringify(options.lang)}`);
      }
      const lines = createInterface({input: process.stdin, crlfDelay: Infinity});
      for await (const line of lines) {
        process.stdout.write(sentimentLine(line, {lang: options.lang as Lang | undefined}) + "\n");
      }
    });
}

// Request/complaint detection on the labelled sets and on the synthetic sample, against the generator's intents.
// Usage: npx tsx test/transforms/text/measure-requests.ts [--errors dev|heldout|sample]
import {analyzeText} from "../../../transforms/text/analyze.ts";
import {buildWorld, type Message} from "../../../data/sample/world.ts";
import {readRequestExamples, scoreRequests, type Counts, type RequestExample, type RequestLabel} from "./requests-eval.ts";

const show = process.argv[2] === "--errors" ? process.argv[3] : undefined;
const fmt = (c: Counts) => `${c.precision.toFixed(3)} ${c.recall.toFixed(3)} ${c.f1.toFixed(3)} (fp ${c.fp}, fn ${c.fn})`;
const predict = (text: string) => analyzeText(text);

function report(name: string, examples: RequestExample[], errors: boolean): void {
  const s = scoreRequests(examples, predict);
  console.log(`${name.padEnd(28)} n=${String(s.n).padEnd(5)} question P/R/F1 ${fmt(s.question)} | complaint ${fmt(s.complaint)} | union ${fmt(s.request)}`);
  if (!errors) return;
  for (const e of examples) {
    const a = analyzeText(e.text);
    const got: RequestLabel = a.is_question && a.is_complaint ? "both" : a.is_question ? "question" : a.is_complaint ? "complaint" : "neither";
    if (got !== e.label) console.log(`  ${e.label.padEnd(9)} → ${got.padEnd(9)} ${a.sentiment.label.slice(0, 3)} ${e.text}`);
  }
}

// The generator's intended labels: comments written as questions or complaints, "Ma la piscina comunale quando riapre?"
// (an offtopic template that asks the comune), and a citizen's follow-up to the comune's answer that says the
// problem is still there. Replies on X carry the reply-to handle, as exports do.
const FOLLOW_UPS = /^(ancora niente|ma l'ho gi)/i;
function sampleExamples(): RequestExample[] {
  const world = buildWorld();
  const examples: RequestExample[] = [];
  for (const comune of world.comuni) for (const post of comune.posts) {
    const visit = (m: Message) => {
      if (m.author) {
        const label: RequestLabel = m.intent === "question" || /piscina comunale quando/i.test(m.text) ? "question"
          : m.intent === "complaint" || (m.intent === "reply" && FOLLOW_UPS.test(m.text)) ? "complaint" : "neither";
        const handle = m.parent ? m.parent.author?.handle ?? comune.spec.accounts.x.handle : comune.spec.accounts.x.handle;
        examples.push({label, text: post.platform === "x" ? `@${handle} ${m.text}` : m.text});
      }
      m.children.forEach(visit);
    };
    post.comments.forEach(visit);
  }
  return examples;
}

for (const [name, file] of [
  ["dev, Italian", "requests-dev.it.tsv"], ["dev, English", "requests-dev.en.tsv"],
  ["held-out, Italian", "requests-heldout.it.tsv"], ["held-out, English", "requests-heldout.en.tsv"]
] as const) report(name, readRequestExamples(file), show !== undefined && file.includes(show));
const sample = sampleExamples();
report("sample (generator intents)", sample, false);
if (show === "sample") {
  const wrong = new Map<string, number>();
  for (const e of sample) {
    const a = analyzeText(e.text);
    const got = a.is_question || a.is_complaint;
    if (got !== (e.label !== "neither")) {
      const key = `${e.label.padEnd(9)} → ${got ? "flagged" : "missed "} ${e.text.replace(/^@\w+ /, "@X ")}`;
      wrong.set(key, (wrong.get(key) ?? 0) + 1);
    }
  }
  for (const [key, n] of [...wrong].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`  ${String(n).padStart(4)} ${key}`);
}

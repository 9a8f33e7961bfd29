/** Fills text templates and adds the everyday typos of real comments. */
import type {ComuneSpec, SamplePlatform} from "./comuni.ts";
import type {Random} from "./random.ts";
import {dayLabel, districts, streets, venues} from "./texts.ts";
import {dateMs, day} from "./time.ts";

export function fill(rnd: Random, template: string, spec: ComuneSpec, isoDay: string | null, platform: SamplePlatform): string {
  const base = isoDay ?? "2025-03-10";
  const when = new Date(dateMs(base) + rnd.int(1, 12) * day).toISOString().slice(0, 10);
  const street = rnd.pick(streets);
  const text = template
    .replaceAll("{giorno}", dayLabel(when))
    .replaceAll("{via2}", rnd.pick(streets.filter((s) => s !== street)))
    .replaceAll("{via}", street)
    .replaceAll("{quartiere}", rnd.pick(districts))
    .replaceAll("{luogo}", rnd.pick(venues))
    .replaceAll("{url}", spec.website)
    .replaceAll("{domain}", spec.website.replace(/^https:\/\/www\./, ""))
    .replaceAll("{phone}", spec.phone)
    .replaceAll("{town}", spec.town)
    .replaceAll("{tag}", spec.campaign.hashtag);
  // Telegram and Facebook have room; X posts stay within 280 characters
  return platform === "x" && text.length > 270 ? `${text.slice(0, 268)}…` : text;
}

const slips: Array<[RegExp, string]> = [
  [/perché/g, "perchè"], [/perché/g, "perche"], [/ è /g, " e' "], [/ è /g, " e "], [/ più /g, " piu "],
  [/ però/g, " pero'"], [/ già /g, " gia "], [/ non /g, " nn "], [/ che /g, " ke "], [/ comunque/g, " cmq"],
  [/\?$/, "??"], [/\?$/, "???"], [/!$/, "!!!"], [/\.$/, ""], [/, /g, ","]
];

/** With probability `p`, one or two realistic slips: lost accents, chat shorthand, case, punctuation. */
export function typo(rnd: Random, text: string, p: number): string {
  if (!rnd.chance(p)) return text;
  let out = text;
  for (let i = rnd.int(1, 2); i > 0; i--) {
    const choice = rnd.int(0, slips.length + 1);
    if (choice === slips.length) out = out.charAt(0).toLowerCase() + out.slice(1);
    else if (choice === slips.length + 1) out = swapLetters(rnd, out);
    else out = out.replace(slips[choice]![0], slips[choice]![1]);
  }
  return out;
}

function swapLetters(rnd: Random, text: string): string {
  const words = text.split(" ");
  const index = rnd.int(0, words.length - 1);
  const word = words[index]!;
  if (!/^[a-z]{5,}$/.test(word)) return text;
  const at = rnd.int(1, word.length - 3);
  words[index] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(" ");
}

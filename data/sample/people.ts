/** Citizens of a sample comune: names, handles and per-platform ids, all drawn from the seed. */
import type {Random} from "./random.ts";
import type {SamplePlatform} from "./comuni.ts";
import {firstNames, lastNames} from "./texts.ts";

export interface Person {
  key: string;
  name: string;
  handle: string;
  followers: number;
  /** The account was deleted: Meta shows its comments without `from`. */
  deleted: boolean;
  /** How often this person writes, relative to the others (a few write a lot). */
  activity: number;
}

const asciiOf = (text: string) => text.normalize("NFD").replace(/[^A-Za-z]/g, "").toLowerCase();

export function drawCitizens(rnd: Random, town: string, count: number): Person[] {
  const handles = new Set<string>();
  return Array.from({length: count}, (_, index) => {
    const first = rnd.pick(firstNames);
    const last = rnd.pick(lastNames);
    let handle = rnd.weighted([
      [`${asciiOf(first)}${asciiOf(last)}`, 3], [`${asciiOf(first)}_${asciiOf(last)}${rnd.int(1, 99)}`, 2],
      [`${asciiOf(last)}.${asciiOf(first)}`, 1], [`${asciiOf(first)}${asciiOf(town).slice(0, 5)}${rnd.int(60, 99)}`, 1]
    ]);
    while (handles.has(handle)) handle += rnd.int(0, 9);
    handles.add(handle);
    return {
      key: `${town}-${index}`, name: `${first} ${last}`, handle,
      followers: Math.round(rnd.exp(180)), deleted: false,
      activity: 1 / (1 + index * 0.02) * (rnd.chance(0.05) ? 8 : 1)
    };
  });
}

/** The person's id on a platform: fixed by the seed and the person, whatever order ids are asked in. */
export function personId(root: Random, person: Person, platform: SamplePlatform): string {
  const rnd = root.fork(`${person.key}:${platform}`);
  return platform === "x" ? (rnd.chance(0.4) ? rnd.digits(rnd.int(8, 10)) : `1${rnd.digits(18)}`)
    : platform === "facebook" ? rnd.digits(16)
    : platform === "instagram" ? `178414${rnd.digits(11)}`
    : platform === "youtube" ? `UC${rnd.chars(22)}`
    : rnd.digits(10);
}

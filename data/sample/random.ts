/** A seeded pseudo-random source (mulberry32): the sample must be byte-identical for a given seed. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
  /** Poisson-distributed count with the given mean (Knuth; means here are small). */
  poisson(mean: number): number;
  /** Exponential with the given mean. */
  exp(mean: number): number;
  digits(n: number): string;
  chars(n: number, alphabet?: string): string;
  /** An independent stream for a named part of the world, so adding one part does not shift the others. */
  fork(name: string): Random;
}

const base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export function random(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const self: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)]!,
    weighted(entries) {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let x = next() * total;
      for (const [value, w] of entries) if ((x -= w) < 0) return value;
      return entries[entries.length - 1]![0];
    },
    poisson(mean) {
      if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(next)));
      const limit = Math.exp(-mean);
      let k = 0;
      for (let p = next(); p > limit; p *= next()) k++;
      return k;
    },
    exp: (mean) => -Math.log(1 - next()) * mean,
    digits: (n) => String(1 + Math.floor(next() * 9)) + Array.from({length: n - 1}, () => Math.floor(next() * 10)).join(""),
    chars: (n, alphabet = base64url) => Array.from({length: n}, () => alphabet[Math.floor(next() * alphabet.length)]).join(""),
    fork: (name) => random(hash(`${seed}:${name}`))
  };
  return self;
}

function normal(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** FNV-1a, for deriving sub-seeds from names. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

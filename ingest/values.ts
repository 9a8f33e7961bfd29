/** Pure helpers shared by parsers: text repair, times, numbers, ids, tags. */
import {ParseError} from "../lib/errors.ts";

const utf8 = new TextDecoder("utf-8", {fatal: true});

/**
 * Meta's exports write each UTF-8 byte as its own `\u00XX` escape ("Citt\u00c3\u00a0" for "Città").
 * A string with every code point ≤ U+00FF is re-read as UTF-8 bytes; genuine Latin-1 ("café") fails
 * that decoding and is kept.
 */
export function fixMojibake(text: string): string {
  if (!/[\u0080-\u00ff]/.test(text) || /[^\u0000-\u00ff]/.test(text)) return text;
  try {
    return utf8.decode(Buffer.from(text, "latin1"));
  } catch {
    return text;
  }
}

/** Repairs mojibake in every string of a parsed JSON value, keys included. */
export function fixMojibakeDeep<T>(value: T): T {
  if (typeof value === "string") return fixMojibake(value) as T;
  if (Array.isArray(value)) return value.map(fixMojibakeDeep) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [fixMojibake(k), fixMojibakeDeep(v)])) as T;
  }
  return value;
}

const entities: Record<string, string> = {amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", "#39": "'"};

/** Decodes HTML entities once (X escapes `&`, `<`, `>` in its text). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return entities[name.toLowerCase()] ?? match;
  });
}

/** Plain text from HTML (Mastodon content, YouTube textDisplay): breaks and paragraphs become newlines. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>\s*<p[^>]*>/gi, "\n\n")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(text).trim();
}

/** `null` for the many ways exports say "nothing": empty, N/A, -, None, null. */
export function blank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  return /^\s*(|n\/a|-|none|null|nan|undefined)\s*$/i.test(value);
}

/** Text or null, with a BOM dropped and surrounding white space trimmed. */
export function str(value: unknown): string | null {
  if (blank(value)) return null;
  const text = String(value).replace(/\uFEFF/g, "").trim();
  return text === "" ? null : text;
}

/** An id as text, never through a JS number (X and Meta ids exceed 2^53). Tab padding is trimmed. */
export function id(value: unknown): string | null {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new ParseError(`id ${value} was read as a number past 2^53 and lost its digits`);
    return String(value);
  }
  return str(value);
}

export interface NumberLocale {
  decimal: "." | ",";
}

/**
 * A count or measure from text: "1.234" (it-IT thousands) or "1,234" (en-US), "2,7" (decimal comma),
 * "15,000", "1.2K". `locale` decides ambiguous separators; without it a single separator followed by
 * exactly three digits is read as thousands.
 */
export function num(value: unknown, locale?: NumberLocale): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return Number(value);
  if (blank(value)) return null;
  let text = String(value).trim().replace(/[\s\u00a0']/g, "").replace(/%$/, "");
  const suffix = /^(.*?)([kKmM])$/.exec(text);
  const scale = suffix ? (suffix[2]!.toLowerCase() === "k" ? 1e3 : 1e6) : 1;
  if (suffix) text = suffix[1]!;
  if (/^[+-]?\d+$/.test(text)) return Number(text) * scale;
  const decimal = locale?.decimal ?? guessDecimal(text);
  const thousands = decimal === "," ? "." : ",";
  // thousands separators only between groups of three digits: "1,234.56" under a decimal comma is not a number
  const [whole = "", ...fraction] = text.split(decimal);
  if (fraction.length > 1) return null;
  if (whole.includes(thousands) && !groupedThousands(whole, thousands)) return null;
  const normal = whole.split(thousands).join("") + (fraction.length ? `.${fraction[0]}` : "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(normal)) return null;
  return Number(normal) * scale;
}

function groupedThousands(whole: string, separator: string): boolean {
  const [head = "", ...groups] = whole.replace(/^[+-]/, "").split(separator);
  return /^\d{1,3}$/.test(head) && groups.every((group) => /^\d{3}$/.test(group));
}

function guessDecimal(text: string): "." | "," {
  const dots = text.split(".").length - 1;
  const commas = text.split(",").length - 1;
  if (dots && commas) return text.lastIndexOf(",") > text.lastIndexOf(".") ? "," : ".";
  if (dots > 1) return ",";
  if (commas > 1) return ".";
  const sep = dots ? "." : ",";
  const after = text.split(sep)[1] ?? "";
  if (suffixIsThousands(after)) return sep === "." ? "," : ".";
  return sep;
}

function suffixIsThousands(after: string): boolean {
  return after.length === 3 && /^\d{3}$/.test(after);
}

/** Excel turns long ids into "1.23457E+17" ("1,23457E+17" in Italian): the digits are gone for good. */
export function isScientificId(value: string): boolean {
  return /^\d([.,]\d+)?E\+\d+$/i.test(value.trim());
}

const months: Record<string, number> = {jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11};

/** X's `Tue Mar 04 08:15:00 +0000 2025`. */
export function parseTwitterDate(text: string): string {
  const m = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/.exec(text.trim());
  const month = m ? months[m[1]!.toLowerCase()] : undefined;
  if (!m || month === undefined) throw new ParseError(`unrecognised X date ${JSON.stringify(text)}`);
  const local = Date.UTC(Number(m[7]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  return new Date(local - offsetMinutes(m[6]!) * 60_000).toISOString();
}

function offsetMinutes(offset: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!m) throw new ParseError(`unrecognised time zone offset ${JSON.stringify(offset)}`);
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * ISO-8601 with an explicit offset or Z ("2024-03-01T10:15:00+0000", "2025-05-18T07:36:14.000Z",
 * "2017-05-06 11:20:45 +0000"), to UTC. A time without a zone is refused unless `zone` says where it is.
 */
export function parseIsoDate(text: string, {zone}: {zone?: string} = {}): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) throw new ParseError(`unrecognised date ${JSON.stringify(text)}`);
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, "0")) : 0;
  const wall = wallClock(text, Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) + ms;
  if (m[8]) return new Date(wall - (m[8].toUpperCase() === "Z" ? 0 : offsetMinutes(m[8])) * 60_000).toISOString();
  if (!zone) throw new ParseError(`date ${JSON.stringify(text)} has no time zone`);
  return wallTimeToUtc(wall, zone);
}

/** An ISO-8601 time field with its zone, to UTC; null when blank; a bad value names the field. */
export function isoField(value: unknown, field: string): string | null {
  const text = str(value);
  if (!text) return null;
  try {
    return parseIsoDate(text);
  } catch (error) {
    if (error instanceof ParseError) throw new ParseError(error.reason, {field});
    throw error;
  }
}

/**
 * A wall-clock time (given as if UTC) in an IANA zone, to the UTC instant. Like Temporal's "compatible"
 * rule: a time skipped by the spring-forward gap moves forward by the gap (02:30 → 03:30 CEST), a time
 * repeated at fall-back is its first occurrence (02:30 CEST, not 02:30 CET).
 */
export function wallTimeToUtc(wallAsUtc: number, zone: string): string {
  if (zone === "UTC") return new Date(wallAsUtc).toISOString();
  const day = 24 * 3600_000;
  const before = zoneOffsetMs(wallAsUtc - day, zone);
  const after = zoneOffsetMs(wallAsUtc + day, zone);
  const fits = [before, after].filter((offset) => zoneOffsetMs(wallAsUtc - offset, zone) === offset);
  // in a gap no offset fits: the offset in force before it places the time after the jump
  const offset = fits.length ? Math.max(...fits) : before;
  return new Date(wallAsUtc - offset).toISOString();
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneOffsetMs(instant: number, zone: string): number {
  let format = zoneFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit"});
    zoneFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

// Date.UTC rolls 30 February over into March: a field out of range is an error instead.
function wallClock(text: string, year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(wall);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day ||
    hour > 23 || minute > 59 || second > 59) throw new ParseError(`impossible date ${JSON.stringify(text)}`);
  return wall;
}

/** Unix seconds (number or string) to ISO UTC. */
export function fromUnixSeconds(value: unknown): string {
  const seconds = typeof value === "number" ? value : Number(String(value).trim());
  // past ±8.64e12 s a Date is invalid and toISOString throws a RangeError
  if (!Number.isFinite(seconds) || Math.abs(seconds) > 8.64e12) throw new ParseError(`unrecognised Unix time ${JSON.stringify(value)}`);
  return new Date(seconds * 1000).toISOString();
}

export interface DayFirst {
  dayFirst: boolean;
}

/**
 * "04/15/2025 18:30" (US) or "15/04/2025 18:30" (day first), in `zone`. Which order is decided per file
 * by the caller (see `guessDayFirst`).
 */
export function parseSlashDate(text: string, {dayFirst, zone}: DayFirst & {zone: string}): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:[ ,T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(AM|PM)?)?$/i.exec(text.trim());
  if (!m) throw new ParseError(`unrecognised date ${JSON.stringify(text)}`);
  const [a, b] = [Number(m[1]), Number(m[2])];
  const [day, month] = dayFirst ? [a, b] : [b, a];
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  let hour = Number(m[4] ?? 0);
  if (m[7]) hour = (hour % 12) + (m[7].toUpperCase() === "PM" ? 12 : 0);
  return wallTimeToUtc(wallClock(text, year, month, day, hour, Number(m[5] ?? 0), Number(m[6] ?? 0)), zone);
}

/** Whether a file's slash dates are day-first: decided by any first field over 12 (else US order). */
export function guessDayFirst(samples: string[]): boolean {
  for (const text of samples) {
    const m = /^(\d{1,2})\/(\d{1,2})\//.exec(text.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return true;
    if (Number(m[2]) > 12) return false;
  }
  return false;
}

/** Hashtags in a text, lower-case, without '#'. */
export function hashtagsOf(text: string | null): string[] {
  if (!text) return [];
  return [...new Set([...text.matchAll(/(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu)].map((m) => m[1]!.toLowerCase()))];
}

/** Mentions in a text, lower-case, without '@'. */
export function mentionsOf(text: string | null): string[] {
  if (!text) return [];
  return [...new Set([...text.matchAll(/(?:^|[^\p{L}\p{N}_.@])@([A-Za-z0-9_.]{1,30})/gu)].map((m) => m[1]!.replace(/\.$/, "").toLowerCase()))];
}

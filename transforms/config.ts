import {readConfigCsv} from "../lib/config.ts";
import {ConfigError} from "../lib/errors.ts";

/** Monitoring hours: one open interval on one ISO weekday (1 = Monday) for one entity, or "*" for all. */
export interface OpeningHours {
  entity_id: string;
  isodow: number;
  open: string;
  close: string;
}

export interface ConfigHoliday {
  /** null: every entity (a national or regional day); else a local one such as the patron saint. */
  entity_id: string | null;
  day: string;
  name: string;
}

export interface Campaign {
  campaign_id: string;
  name: string;
  /** null: items of any channel match. */
  entity_id: string | null;
  hashtags: string[];
  keywords: string[];
  start_on: string;
  end_on: string;
  /** Days after the end still watched, to measure engagement after the programmed end. */
  tail_days: number;
}

export interface ElectoralPeriod {
  period_id: string;
  name: string;
  start_on: string;
  end_on: string;
  /** Empty: the period binds every entity (national elections). */
  entity_ids: string[];
}

export interface TransformConfig {
  /** Public marts only count groups of at least k distinct authors. */
  privacyK: number;
  dormantDays: number;
  hours: OpeningHours[];
  holidays: ConfigHoliday[];
  campaigns: Campaign[];
  electoralPeriods: ElectoralPeriod[];
}

/** Mon–Fri 9–13: the typical opening of an URP (ufficio relazioni con il pubblico). */
export const defaultHours: OpeningHours[] = [1, 2, 3, 4, 5].map((isodow) => ({entity_id: "*", isodow, open: "09:00", close: "13:00"}));

const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const giorni = ["lun", "mar", "mer", "gio", "ven", "sab", "dom"];

/**
 * Reads the transforms' configuration from the config folder (data/config/README.md): hours.csv,
 * campaigns.csv, electoral-periods.csv, and two files of the transforms' own: holidays.csv (entity_id, day,
 * name: local holidays such as the patron saint) and settings.csv (key,value: privacy_k, dormant_days).
 * Every file is optional.
 */
export function readTransformConfig(configDir: string, env: NodeJS.ProcessEnv = process.env): TransformConfig {
  const read = (name: string) => readConfigCsv(configDir, name);
  const settings = Object.fromEntries(read("settings.csv").map((row) => [row.key, row.value]));
  const k = env.ASCOLTO_PRIVACY_K ?? settings.privacy_k ?? "5";
  const hours = parseHours(read("hours.csv"), `${configDir}/hours.csv`);
  return {
    privacyK: positiveInteger(k, "privacy_k"),
    dormantDays: positiveInteger(settings.dormant_days ?? "60", "dormant_days"),
    hours: [...(hours.some((h) => h.entity_id === "*") ? [] : defaultHours), ...hours],
    holidays: parseHolidays(read("holidays.csv"), `${configDir}/holidays.csv`),
    campaigns: parseCampaigns(read("campaigns.csv"), `${configDir}/campaigns.csv`),
    electoralPeriods: parseElectoralPeriods(read("electoral-periods.csv"), `${configDir}/electoral-periods.csv`)
  };
}

/**
 * hours.csv (data/config/README.md): entity_id (empty or "*" = default), weekday (1 = Monday; also "mon-fri",
 * "lun-ven", "1,3"; column `days` accepted), opens, closes (HH:MM, closes exclusive; `open`/`close` accepted),
 * channel. Only `social` rows (or rows without channel) apply: response times are measured on social channels.
 */
export function parseHours(rows: Array<Record<string, string>>, file = "hours.csv"): OpeningHours[] {
  return rows.flatMap((row, index) => {
    const where = `${file} row ${index + 2}`;
    if (row.channel && row.channel.toLowerCase() !== "social") return [];
    const open = time(row.opens ?? row.open, `${where}: opens`), close = time(row.closes ?? row.close, `${where}: closes`);
    if (close <= open) throw new ConfigError(`${where}: closes ${close} is not after opens ${open}`);
    return weekdaySet(row.weekday ?? row.days ?? "", where).map((isodow) => ({entity_id: row.entity_id || "*", isodow, open, close}));
  });
}

export function parseHolidays(rows: Array<Record<string, string>>, file = "holidays.csv"): ConfigHoliday[] {
  return rows.map((row, index) => ({
    entity_id: row.entity_id || null, day: date(row.day, `${file} row ${index + 2}: day`), name: row.name || "festività locale"
  }));
}

/**
 * campaigns.csv: campaign_id, entity_id, hashtag (or hashtags; several separated by "|" or ";"), keywords,
 * start_on, end_on, name, tail_days (days after the end still watched, default 30).
 */
export function parseCampaigns(rows: Array<Record<string, string>>, file = "campaigns.csv"): Campaign[] {
  return rows.map((row, index) => {
    const where = `${file} row ${index + 2}`;
    const hashtags = list(row.hashtags ?? row.hashtag).map((tag) => tag.replace(/^#/, "").toLowerCase());
    const keywords = list(row.keywords).map((word) => word.toLowerCase());
    if (!row.campaign_id) throw new ConfigError(`${where}: campaign_id is empty`);
    if (!hashtags.length && !keywords.length) throw new ConfigError(`${where}: campaign ${row.campaign_id} has neither hashtags nor keywords`);
    const start_on = date(row.start_on, `${where}: start_on`), end_on = date(row.end_on, `${where}: end_on`);
    if (end_on < start_on) throw new ConfigError(`${where}: end_on ${end_on} is before start_on ${start_on}`);
    return {
      campaign_id: row.campaign_id, name: row.name || row.campaign_id, entity_id: row.entity_id || null, hashtags, keywords,
      start_on, end_on, tail_days: row.tail_days ? positiveInteger(row.tail_days, `${where}: tail_days`) : 30
    };
  });
}

/**
 * electoral-periods.csv: entity_id (empty = every entity), start_on, end_on, kind, label; rows with the same
 * period (period_id, else kind and dates) are one period binding the union of their entities.
 */
export function parseElectoralPeriods(rows: Array<Record<string, string>>, file = "electoral-periods.csv"): ElectoralPeriod[] {
  const periods = new Map<string, ElectoralPeriod & {everyone: boolean}>();
  rows.forEach((row, index) => {
    const where = `${file} row ${index + 2}`;
    const start_on = date(row.start_on, `${where}: start_on`), end_on = date(row.end_on, `${where}: end_on`);
    if (end_on < start_on) throw new ConfigError(`${where}: end_on ${end_on} is before start_on ${start_on}`);
    const period_id = row.period_id || `${row.kind || "periodo"}-${start_on}-${end_on}`;
    const entities = list(row.entity_ids ?? row.entity_id);
    const period = periods.get(period_id) ?? {period_id, name: row.label || row.name || period_id, start_on, end_on, entity_ids: [], everyone: false};
    if (period.start_on !== start_on || period.end_on !== end_on) throw new ConfigError(`${where}: period ${period_id} has two date ranges`);
    period.everyone ||= entities.length === 0;
    period.entity_ids = [...new Set([...period.entity_ids, ...entities])];
    periods.set(period_id, period);
  });
  return [...periods.values()].map(({everyone, ...period}) => ({...period, entity_ids: everyone ? [] : period.entity_ids}));
}

function weekdaySet(text: string, where: string): number[] {
  const day = (token: string) => {
    const t = token.trim().toLowerCase().slice(0, 3);
    const n = /^[1-7]$/.test(t) ? Number(t) : Math.max(weekdays.indexOf(t), giorni.indexOf(t)) + 1;
    if (!n) throw new ConfigError(`${where}: unknown weekday ${JSON.stringify(token)}`);
    return n;
  };
  const days = text.split(/[,;|\s]+/).filter(Boolean).flatMap((part) => {
    const [from, to] = part.split("-");
    if (to === undefined) return [day(from!)];
    const a = day(from!), b = day(to);
    return Array.from({length: ((b - a + 7) % 7) + 1}, (_, i) => ((a - 1 + i) % 7) + 1);
  });
  if (!days.length) throw new ConfigError(`${where}: days is empty`);
  return [...new Set(days)].sort();
}

function list(text: string | undefined): string[] {
  return (text ?? "").split(/[;|]/).map((part) => part.trim()).filter(Boolean);
}

function date(text: string | undefined, where: string): string {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw new ConfigError(`${where}: ${JSON.stringify(text ?? "")} is not a date (YYYY-MM-DD)`);
  }
  return text;
}

function time(text: string | undefined, where: string): string {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text ?? "");
  if (!match || Number(match[1]) > 24 || Number(match[2]) > 59) {
    throw new ConfigError(`${where}: ${JSON.stringify(text ?? "")} is not a time (HH:MM)`);
  }
  return `${match[1]!.padStart(2, "0")}:${match[2]}`;
}

function positiveInteger(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name}: ${JSON.stringify(text)} is not a positive integer`);
  return n;
}

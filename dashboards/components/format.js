// Italian number and date formats (it-IT, Europe/Rome), shared by every page and component.
import {formatLocale} from "d3-format";
import {timeFormatLocale} from "d3-time-format";

const numbers = formatLocale({decimal: ",", thousands: ".", grouping: [3], currency: ["", " €"], minus: "−", percent: " %"});

/** d3-format with the Italian locale ("1.234,5"). */
export const formatIt = numbers.format;

const months = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"];
const dates = timeFormatLocale({
  dateTime: "%A %e %B %Y, %X", date: "%d/%m/%Y", time: "%H:%M:%S", periods: ["", ""],
  days: ["domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"],
  shortDays: ["dom", "lun", "mar", "mer", "gio", "ven", "sab"],
  months, shortMonths: ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]
});

/** d3-time-format with Italian names, in UTC (dates from the marts are calendar days, already Europe/Rome). */
export const utcFormatIt = dates.utcFormat;

/** A whole or decimal number, "–" when missing. */
export function formatNumber(value, {digits = 0} = {}) {
  if (value == null || Number.isNaN(value)) return "–";
  return numbers.format(`,.${digits}f`)(value);
}

/** 12.345 → "12.345"; 1.234.567 → "1,2 mln" (compact for headline figures). */
export function formatCompact(value) {
  if (value == null || Number.isNaN(value)) return "–";
  if (Math.abs(value) >= 1e6) return `${formatNumber(value / 1e6, {digits: 1})} mln`;
  if (Math.abs(value) >= 1e4) return `${formatNumber(value / 1e3, {digits: 0})} mila`;
  return formatNumber(value, {digits: Number.isInteger(value) ? 0 : 1});
}

/** 0.783 → "78%" (Italian style writes no space before % in running text). */
export function formatPercent(value, {digits = 0} = {}) {
  if (value == null || Number.isNaN(value)) return "–";
  return `${formatNumber(value * 100, {digits})}%`;
}

/** A change in percentage points: +3 p.p., −1,5 p.p. */
export function formatPoints(delta) {
  if (delta == null || Number.isNaN(delta)) return "–";
  const points = delta * 100;
  return `${points > 0 ? "+" : ""}${formatNumber(points, {digits: Math.abs(points) < 10 && !Number.isInteger(points) ? 1 : 0})} p.p.`;
}

/** A relative change: +12%, −4%; "–" when the previous value is zero or missing. */
export function formatChange(current, previous) {
  if (current == null || previous == null || !previous) return "–";
  const change = (current - previous) / Math.abs(previous);
  return `${change > 0 ? "+" : ""}${formatPercent(change)}`;
}

/** Hours as a reader says them: "45 minuti", "3 ore", "2,5 giorni". */
export function formatDuration(hours) {
  if (hours == null || Number.isNaN(hours)) return "–";
  if (hours < 1) return `${formatNumber(Math.max(1, Math.round(hours * 60)))} minuti`;
  if (hours < 48) {
    const rounded = hours < 10 ? Math.round(hours * 2) / 2 : Math.round(hours);
    return `${formatNumber(rounded, {digits: Number.isInteger(rounded) ? 0 : 1})} ${rounded === 1 ? "ora" : "ore"}`;
  }
  const days = Math.round(hours / 12) / 2;
  return `${formatNumber(days, {digits: Number.isInteger(days) ? 0 : 1})} giorni`;
}

/** "2025-06-01" → Date at UTC midnight (marts give calendar days as text). */
export function parseDay(text) {
  return text == null ? null : new Date(`${String(text).slice(0, 10)}T00:00:00Z`);
}

/** "2025-06-01" → "giugno 2025". */
export function formatMonth(day) {
  const date = day instanceof Date ? day : parseDay(day);
  return date ? utcFormatIt("%B %Y")(date) : "–";
}

/** "2025-06-01" → "1 giugno 2025". */
export function formatDay(day) {
  const date = day instanceof Date ? day : parseDay(day);
  return date ? utcFormatIt("%-d %B %Y")(date) : "–";
}

/** An instant as a Europe/Rome date and time: "30/06/2025, 18:10". */
export function formatDateTime(instant) {
  if (instant == null) return "–";
  const date = new Date(String(instant).replace(" ", "T").replace(/\+00$/, "Z"));
  return new Intl.DateTimeFormat("it-IT", {timeZone: "Europe/Rome", dateStyle: "short", timeStyle: "short"}).format(date);
}

/**
 * A share over few cases is given with its count and 95% interval, never as a bare percentage:
 * "78% (39 su 50)" or, when small, "4 su 6 (67%, intervallo 30–90%)".
 */
export function formatShare({count, total, low, high, small = false}) {
  if (!total) return "nessun caso";
  const share = count / total;
  if (small || total < 30) {
    const interval = low != null && high != null ? `, intervallo ${formatNumber(low * 100)}–${formatPercent(high)}` : "";
    return `${formatNumber(count)} su ${formatNumber(total)} (${formatPercent(share)}${interval})`;
  }
  return `${formatPercent(share)} (${formatNumber(count)} su ${formatNumber(total)})`;
}

/** Italian names of the platforms. */
export const platformNames = {
  x: "X", facebook: "Facebook", instagram: "Instagram", youtube: "YouTube", tiktok: "TikTok", telegram: "Telegram",
  whatsapp: "WhatsApp", mastodon: "Mastodon", all: "tutti i canali"
};

export function platformName(platform) {
  return platformNames[platform] ?? platform;
}

/** Topic ids ("mobilita-traffico") as labels ("Mobilità traffico") when the page has no better name. */
export function topicName(topic, names = {}) {
  if (names[topic]) return names[topic];
  if (topic === "none") return "senza tema";
  if (topic === "all") return "tutti i temi";
  const text = String(topic).replace(/[-_]+/g, " ").replace(/\bmobilita\b/, "mobilità").replace(/\bcitta\b/, "città");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Italian names of the response bands (pub_response_times.band). */
export const bandNames = {
  lt_1h: "meno di 1 ora", "1h_4h": "1–4 ore", "4h_24h": "4–24 ore", "1d_3d": "1–3 giorni", gt_3d: "più di 3 giorni", unanswered: "senza risposta"
};

export function bandName(band) {
  return bandNames[band] ?? band;
}

/** A range of hours in words: "meno di 1 ora", "tra 1 ora e 4 ore", "più di 3 giorni". */
export function formatHoursRange(low, high) {
  if (low == null && high == null) return "–";
  if (!low) return `meno di ${formatDuration(high)}`;
  if (high == null) return `più di ${formatDuration(low)}`;
  return `tra ${formatDuration(low)} e ${formatDuration(high)}`;
}

/** Italian names of the content types (pub_own_posts.content_type). */
export const contentTypeNames = {
  photo: "foto", video: "video", reel: "reel", carousel: "carosello", link: "link", text: "solo testo", other: "altro", unknown: "non indicato"
};

export function contentTypeName(type) {
  return contentTypeNames[type] ?? type;
}

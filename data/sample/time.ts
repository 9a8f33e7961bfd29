/** The sample's clock: fixed dates, Europe/Rome wall time without Intl, formats each export uses. */
const hour = 3_600_000;
export const day = 24 * hour;
export {hour};

/** Central European Summer Time in 2025: from 30 March 01:00 UTC to 26 October 01:00 UTC. */
const dstStart = Date.UTC(2025, 2, 30, 1);
const dstEnd = Date.UTC(2025, 9, 26, 1);

export function romeOffset(utc: number): number {
  return utc >= dstStart && utc < dstEnd ? 2 * hour : hour;
}

/** UTC instant of a Rome wall time given as ms since the epoch read as if UTC. */
export function fromRome(wall: number): number {
  const guess = wall - hour;
  return wall - romeOffset(guess);
}

export function toRome(utc: number): number {
  return utc + romeOffset(utc);
}

export function dateMs(isoDay: string): number {
  return Date.parse(`${isoDay}T00:00:00Z`);
}

/** Local weekday 1 (Monday) … 7 (Sunday) and hour of a UTC instant. */
export function romeParts(utc: number): {weekday: number; hour: number; minute: number; isoDay: string} {
  const d = new Date(toRome(utc));
  return {weekday: ((d.getUTCDay() + 6) % 7) + 1, hour: d.getUTCHours(), minute: d.getUTCMinutes(), isoDay: d.toISOString().slice(0, 10)};
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `Tue Mar 04 08:15:00 +0000 2025` (X archive, API v1.1). */
export function twitterDate(utc: number): string {
  const d = new Date(utc);
  return `${weekdays[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${d.toISOString().slice(11, 19)} +0000 ${d.getUTCFullYear()}`;
}

/** `2025-03-04T08:15:00.000Z`. */
export function isoZ(utc: number): string {
  return new Date(utc).toISOString();
}

/** `2025-03-04T08:15:00Z` (YouTube). */
export function isoSeconds(utc: number): string {
  return new Date(utc).toISOString().slice(0, 19) + "Z";
}

/** `2025-03-04T08:15:00+0000` (Meta Graph). */
export function graphDate(utc: number): string {
  return new Date(utc).toISOString().slice(0, 19) + "+0000";
}

/** `2025-03-04 08:15:00`, UTC (TikTok) or any wall time passed in. */
export function spaced(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

/** `2025-03-04T09:15:00`: Rome wall time without zone (Telegram Desktop on an Italian PC). */
export function romeWall(utc: number): string {
  return new Date(toRome(utc)).toISOString().slice(0, 19);
}

/** Rome wall time as `DD/MM/YYYY HH:mm` or `MM/DD/YYYY HH:mm` (Meta Business Suite). */
export function slashDate(utc: number, dayFirst: boolean): string {
  const d = new Date(toRome(utc));
  const [dd, mm] = [pad(d.getUTCDate()), pad(d.getUTCMonth() + 1)];
  return `${dayFirst ? `${dd}/${mm}` : `${mm}/${dd}`}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function unixSeconds(utc: number): number {
  return Math.floor(utc / 1000);
}

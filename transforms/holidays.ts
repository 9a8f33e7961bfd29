/** Italian national public holidays (festività nazionali), pure date arithmetic. */

export interface Holiday {
  /** YYYY-MM-DD. */
  day: string;
  name: string;
}

const fixed: Array<[string, string]> = [
  ["01-01", "Capodanno"], ["01-06", "Epifania"], ["04-25", "Festa della Liberazione"], ["05-01", "Festa del lavoro"],
  ["06-02", "Festa della Repubblica"], ["08-15", "Ferragosto"], ["11-01", "Ognissanti"],
  ["12-08", "Immacolata Concezione"], ["12-25", "Natale"], ["12-26", "Santo Stefano"]
];

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher), as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The national holidays of one year, Easter and Easter Monday (Pasquetta) included, sorted by day. */
export function italianHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const monday = new Date(`${easter}T00:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() + 1);
  return [
    ...fixed.map(([md, name]) => ({day: `${year}-${md}`, name})),
    {day: easter, name: "Pasqua"},
    {day: monday.toISOString().slice(0, 10), name: "Lunedì dell'Angelo"}
  ].sort((a, b) => a.day.localeCompare(b.day));
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

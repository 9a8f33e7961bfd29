/** Prints rows as an aligned plain-text table (empty result: "(no rows)"). */
export function printTable(rows: Array<Record<string, unknown>>, write: (line: string) => void = console.log): void {
  if (!rows.length) return write("(no rows)");
  const columns = Object.keys(rows[0]!);
  const cell = (value: unknown) => (value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join("  ").trimEnd();
  write(line(columns));
  write(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) write(line(columns.map((c) => cell(row[c]))));
}

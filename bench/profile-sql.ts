import {DuckDBConnection} from "@duckdb/node-api";
import {performance} from "node:perf_hooks";
const times = new Map<string, {n: number; ms: number}>();
for (const name of ["run", "runAndReadAll"] as const) {
  const orig = (DuckDBConnection.prototype as any)[name];
  (DuckDBConnection.prototype as any)[name] = async function (sql: string, ...rest: unknown[]) {
    const t = performance.now();
    try { return await orig.call(this, sql, ...rest); } finally {
      const key = sql.replace(/^(--[^\n]*\n)+/, "").trim().slice(0, 60).replace(/\s+/g, " ");
      const e = times.get(key) ?? {n: 0, ms: 0}; e.n++; e.ms += performance.now() - t; times.set(key, e);
    }
  };
}
const origCreate = (DuckDBConnection.prototype as any).createAppender;
let appendMs = 0;
process.on("exit", () => {
  const rows = [...times.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15);
  for (const [k, v] of rows) console.error(`${v.ms.toFixed(0).padStart(8)}ms ${String(v.n).padStart(5)}x ${k}`);
});
process.argv.splice(1, 1);
await import(new URL(process.argv[1]!, `file://${process.cwd()}/`).href);

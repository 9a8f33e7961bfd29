/** The suite's results as one table: each measured step next to its baseline, with the ratio. */
import {benchFormats} from "./inputs.ts";

type Medians = Record<string, Record<string, number | string | null>>;
type Results = {medians: Medians; inputs: Array<{format: string; bytes: number}>; machine: Record<string, unknown>};

const fixed = (value: unknown, digits = 1) => (typeof value === "number" ? value.toFixed(digits) : "");
const rate = (n: number, seconds: unknown) => (typeof seconds === "number" && seconds > 0 ? Math.round(n / seconds).toLocaleString("en") : "");

/** Rows of the summary table: step, what, seconds, baseline seconds, ratio, throughput, peak RSS. */
export function summaryRows({medians, inputs}: Results): Array<Record<string, string>> {
  const rows: Array<Record<string, string>> = [];
  // why: a step left out with --skip, or failed, says so instead of its figures
  const error = (name: string) => medians[name] === undefined ? "not run (--skip)"
    : typeof medians[name]!.error === "string" ? `error: ${medians[name]!.error}` : "";
  let ingestSeconds = 0;
  for (const format of benchFormats) {
    const ours = medians[`ingest:${format}`] ?? {};
    const base = medians[`baseline:${format}`] ?? {};
    const bytes = inputs.find((input) => input.format === format)?.bytes ?? 0;
    const items = Number(ours.items ?? 0);
    if (typeof ours.seconds === "number") ingestSeconds += ours.seconds;
    rows.push({
      step: `ingest ${format}`, seconds: fixed(ours.seconds, 2), baseline: fixed(base.seconds, 2),
      ratio: typeof ours.seconds === "number" && typeof base.seconds === "number" ? fixed(ours.seconds / base.seconds, 2) : "",
      throughput: error(`ingest:${format}`) || `${rate(items, ours.seconds)} items/s, ${fixed(bytes / 1e6 / Number(ours.seconds || NaN), 1)} MB/s (${items.toLocaleString("en")} items)`,
      "peak MB": `${ours.peak_rss_mb ?? ""} / ${base.peak_rss_mb ?? ""}`
    });
  }
  const text = medians.text ?? {};
  rows.push({
    step: "text analysis", seconds: fixed(text.seconds, 2), baseline: fixed(text.baseline_seconds, 2),
    ratio: typeof text.seconds === "number" ? fixed(text.seconds / Number(text.baseline_seconds), 2) : "",
    throughput: error("text") || `${rate(Number(text.texts), text.seconds)} items/s, ${rate(Number(text.tokens), text.seconds)} tokens/s (wink alone ${rate(Number(text.texts), text.baseline_seconds)} items/s)`,
    "peak MB": String(text.peak_rss_mb ?? "")
  });
  const full = medians["transform:full"] ?? {};
  const incremental = medians["transform:incremental"] ?? {};
  rows.push({
    step: "transform full", seconds: fixed(full.seconds, 2), baseline: "", ratio: "",
    throughput: error("transform:full") || `${full.items_analyzed ?? ""} items analyzed, ${full.models ?? ""} models`, "peak MB": String(full.peak_rss_mb ?? "")
  });
  rows.push({
    step: "transform +1% (incremental)", seconds: fixed(incremental.seconds, 2), baseline: fixed(full.seconds, 2),
    ratio: typeof incremental.seconds === "number" && typeof full.seconds === "number" ? fixed(incremental.seconds / full.seconds, 2) : "",
    throughput: error("transform:incremental") || `${incremental.items_analyzed ?? ""} items analyzed (ingest of the 1%: ${fixed(medians["ingest:increment"]?.seconds, 2)} s)`,
    "peak MB": String(incremental.peak_rss_mb ?? "")
  });
  const build = medians.build ?? {};
  rows.push({
    step: "dashboards build", seconds: fixed(build.seconds, 2), baseline: "", ratio: "",
    throughput: error("build") || `dist ${fixed(Number(build.dist_bytes) / 1e6, 1)} MB in ${build.files} files; heaviest data ${build.heaviest_data} ${fixed(Number(build.heaviest_data_bytes) / 1e3, 0)} kB`,
    "peak MB": String(build.peak_rss_mb ?? "")
  });
  const parquet = medians.export ?? {};
  rows.push({
    step: "export --parquet", seconds: fixed(parquet.seconds, 2), baseline: "", ratio: "",
    throughput: error("export") || `${fixed(Number(parquet.parquet_bytes) / 1e6, 1)} MB in ${parquet.tables} tables, items ${fixed(Number(parquet.items_parquet_bytes) / 1e6, 1)} MB (warehouse file ${fixed(Number(parquet.warehouse_bytes) / 1e6, 1)} MB); items scanned back at ${rate(Number(parquet.items), parquet.read_seconds)}/s`,
    "peak MB": String(parquet.peak_rss_mb ?? "")
  });
  const parts = [...benchFormats.map((format) => `ingest:${format}`), "transform:full", "build"];
  const whole = parts.every((name) => typeof medians[name]?.seconds === "number");
  const pipeline = ingestSeconds + Number(full.seconds ?? 0) + Number(build.seconds ?? 0);
  rows.push({
    step: "full pipeline (ingest + transform + build)", seconds: whole ? fixed(pipeline, 1) : "", baseline: "", ratio: "",
    throughput: whole ? "target < 180 s at 2M items on 2 cores" : "not every step ran", "peak MB": ""
  });
  return rows;
}

/** Plain-text table, columns padded. */
export function formatTable(rows: Array<Record<string, string>>): string {
  const columns = Object.keys(rows[0] ?? {});
  const width = columns.map((column) => Math.max(column.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(width[i]!)).join("  ").trimEnd();
  return [line(columns), line(width.map((w) => "-".repeat(w))), ...rows.map((row) => line(columns.map((c) => row[c] ?? "")))].join("\n");
}

import {readFileSync, writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";

/** One entry of the metric dictionary (transforms/metrics.json). */
export interface Metric {
  id: string;
  name_it: string;
  name_en: string;
  /** "mart" or "mart.column" the indicator lives in. */
  marts: string[];
  definition: string;
  formula: string;
  denominator: string | null;
  interactions: string | null;
  unit: string | null;
  version: number;
  caveats: string;
  /** The Italian texts the public site shows (the formula and column names stay as they are). */
  definition_it: string;
  denominator_it?: string;
  interactions_it?: string;
  unit_it?: string;
  caveats_it?: string;
}

const jsonUrl = new URL("./metrics.json", import.meta.url);
const mdUrl = new URL("./metrics.md", import.meta.url);

export interface MetricDictionary {
  about: string;
  about_it: string;
  metrics: Metric[];
}

export function readMetrics(): MetricDictionary {
  return JSON.parse(readFileSync(jsonUrl, "utf8"));
}

/** The dictionary as Markdown: one section per metric, anchored by its id for the dashboards' links; English, then Italian. */
export function renderMetrics({about, about_it, metrics}: MetricDictionary): string {
  const field = (label: string, value: string | number | null | undefined) => (value == null ? [] : [`- **${label}**: ${value}`]);
  return [
    "<!-- generated from metrics.json by `npx tsx transforms/metrics.ts`: edit the JSON, not this file -->",
    "# Metric dictionary / Dizionario degli indicatori", "", about, "", about_it, "",
    ...metrics.map((m) => `- [${m.name_it} / ${m.name_en}](#${m.id})`), "",
    ...metrics.flatMap((m) => [
      `<a id="${m.id}"></a>`, `## ${m.name_it} / ${m.name_en}`, "",
      ...field("id", `\`${m.id}\``), ...field("where", m.marts.map((name) => `\`${name}\``).join(", ")),
      ...field("definition", m.definition), ...field("formula", `\`${m.formula}\``), ...field("denominator", m.denominator),
      ...field("interactions counted", m.interactions), ...field("unit", m.unit), ...field("version", m.version),
      ...field("caveats", m.caveats),
      ...field("definizione", m.definition_it), ...field("denominatore", m.denominator_it),
      ...field("interazioni contate", m.interactions_it), ...field("unità", m.unit_it), ...field("avvertenze", m.caveats_it), ""
    ])
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(mdUrl, renderMetrics(readMetrics()));

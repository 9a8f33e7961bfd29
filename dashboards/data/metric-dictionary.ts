// Shared by the loaders (not a loader itself): the metric dictionary (transforms/metrics.json or .md) for Dati e metodo.
import {existsSync, readFileSync} from "node:fs";

export interface MetricEntry {
  /** The anchor the charts link to (`metodo#<id>`): the metric's id. */
  id: string;
  title: string;
  /** The entry's text, paragraph by paragraph, as plain text (Markdown emphasis and code marks removed). */
  paragraphs: string[];
  /** The formula line(s), when the entry has a "Formula" item or a code block. */
  formula: string | null;
  /** The English name, when the dictionary gives one (the site is in Italian). */
  name_en?: string;
}

/**
 * Parses the metric dictionary: one entry per `##`/`###` heading. The id is a `<a id="id"></a>` line just
 * before the heading, else `{#id}` at its end, else its first `code` span, else the heading slugified.
 */
export function parseMetricDictionary(markdown: string): MetricEntry[] {
  const entries: MetricEntry[] = [];
  let current: {id: string; title: string; lines: string[]} | null = null;
  let fenced = false;
  let pendingAnchor: string | null = null;
  const flush = () => { if (current) entries.push(toEntry(current)); };
  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const anchorTag = fenced ? null : /^<a id="([\w-]+)"><\/a>\s*$/.exec(line);
    if (anchorTag) { pendingAnchor = anchorTag[1]!; continue; }
    const heading = fenced ? null : /^#{2,3}\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const text = heading[1]!.trim();
      const anchor = pendingAnchor ?? /\{#([\w-]+)\}\s*$/.exec(text)?.[1] ?? /`([\w.-]+)`/.exec(text)?.[1] ?? slug(text);
      pendingAnchor = null;
      current = {id: anchor, title: plain(text.replace(/\{#[\w-]+\}\s*$/, "")).trim(), lines: []};
    } else if (current) {
      current.lines.push(line);
    }
  }
  flush();
  return entries;
}

function toEntry({id, title, lines}: {id: string; title: string; lines: string[]}): MetricEntry {
  const paragraphs: string[] = [];
  let formula: string[] = [];
  let block: string[] = [];
  let fenced = false;
  for (const line of lines) {
    if (line.startsWith("```")) { fenced = !fenced; continue; }
    if (fenced) { formula.push(line); continue; }
    const item = /^\s*[-*]?\s*\**(formula|formula:)\**\s*:?\**\s*(.*)$/i.exec(line);
    if (item && /formula/i.test(line.slice(0, 20))) { formula.push(plain(item[2]!)); continue; }
    if (!line.trim()) { if (block.length) paragraphs.push(block.join(" ")); block = []; continue; }
    block.push(plain(line.replace(/^\s*[-*]\s+/, "• ")).trim());
  }
  if (block.length) paragraphs.push(block.join(" "));
  formula = formula.filter((f) => f.trim());
  return {id, title, paragraphs, formula: formula.length ? formula.join("\n") : null};
}

function plain(text: string): string {
  return text.replace(/\*\*|__/g, "").replace(/`([^`]*)`/g, "$1").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
}

function slug(text: string): string {
  return plain(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
}

interface MetricJson {
  id: string; name_it: string; name_en?: string; marts?: string[]; definition?: string; formula?: string;
  denominator?: string | null; interactions?: string | null; unit?: string | null; version?: number; caveats?: string | null;
  definition_it?: string; denominator_it?: string; interactions_it?: string; unit_it?: string; caveats_it?: string;
}

/**
 * Entries from transforms/metrics.json, the source metrics.md is generated from, in Italian for the site: the
 * `_it` texts, the English ones only where an entry has no translation yet.
 */
export function metricEntriesFromJson({metrics}: {metrics: MetricJson[]}): MetricEntry[] {
  return metrics.map((m) => {
    const unit = m.unit_it ?? m.unit;
    const interactions = m.interactions_it ?? m.interactions;
    const denominator = m.denominator_it ?? m.denominator;
    const caveats = m.caveats_it ?? m.caveats;
    return {
      id: m.id,
      title: m.name_it,
      paragraphs: [
        m.definition_it ?? m.definition ?? "",
        denominator ? `Denominatore: ${denominator}` : "",
        interactions ? `Interazioni contate: ${interactions}` : "",
        unit ? `Unità: ${unit}${m.version ? `; versione ${m.version}` : ""}` : "",
        caveats ? `Avvertenze: ${caveats}` : "",
        m.marts?.length ? `Dove: ${m.marts.join(", ")}` : ""
      ].filter(Boolean),
      formula: m.formula ?? null,
      ...(m.name_en ? {name_en: m.name_en} : {})
    };
  });
}

/**
 * The dictionary: transforms/metrics.json when present, else transforms/metrics.md parsed; neither is a bug
 * (thrown), since every chart links to it.
 */
export function readMetricDictionary(dir = "transforms"): MetricEntry[] {
  const json = `${dir}/metrics.json`, markdown = `${dir}/metrics.md`;
  const entries = existsSync(json) ? metricEntriesFromJson(JSON.parse(readFileSync(json, "utf8")))
    : existsSync(markdown) ? parseMetricDictionary(readFileSync(markdown, "utf8")) : [];
  if (!entries.length) throw new Error(`no metric dictionary in ${json} or ${markdown}`);
  console.warn(`loader: metric dictionary ${entries.length} entries`);
  return entries;
}

import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {metricEntriesFromJson, parseMetricDictionary, readMetricDictionary} from "../../dashboards/data/metric-dictionary.ts";

describe("parseMetricDictionary", () => {
  it("one entry per heading, id from the anchor before it, {#id} or a code span, formula apart", () => {
    const markdown = [
      "# Dizionario", "intro", "",
      '<a id="pct_answered"></a>', "## Tasso di risposta / Response rate", "",
      "- **definition**: Answered requests over requests.", "- **formula**: `answered / requests`", "",
      "## Sentiment netto {#net_sentiment}", "Positive minus negative,", "over polar items.", "",
      "```", "(p - n) / (p + n)", "```",
      "### `stickiness` — assiduità", "DAU / MAU."
    ].join("\r\n");
    expect(parseMetricDictionary(markdown)).toEqual([
      {id: "pct_answered", title: "Tasso di risposta / Response rate", paragraphs: ["• definition: Answered requests over requests."], formula: "answered / requests"},
      {id: "net_sentiment", title: "Sentiment netto", paragraphs: ["Positive minus negative, over polar items."], formula: "(p - n) / (p + n)"},
      {id: "stickiness", title: "stickiness — assiduità", paragraphs: ["DAU / MAU."], formula: null}
    ]);
  });
});

describe("metricEntriesFromJson", () => {
  const entry = {id: "posts", name_it: "Post pubblicati", name_en: "Posts published", marts: ["pub_own_posts"],
    definition: "Own posts.", formula: "count(*)", denominator: null, interactions: null, unit: "posts", version: 1, caveats: "Reposts excluded."};

  it("shows the Italian texts, keeps the id, the formula, the marts and the English name apart", () => {
    expect(metricEntriesFromJson({metrics: [{...entry, definition_it: "I post dell'ente.", unit_it: "post", caveats_it: "Ricondivisioni escluse."}]}))
      .toEqual([{id: "posts", title: "Post pubblicati", name_en: "Posts published",
        paragraphs: ["I post dell'ente.", "Unità: post; versione 1", "Avvertenze: Ricondivisioni escluse.", "Dove: pub_own_posts"], formula: "count(*)"}]);
  });

  it("falls back to the English text of an entry not yet translated", () => {
    expect(metricEntriesFromJson({metrics: [{...entry, denominator: "posts", interactions: "likes"}]})[0]!.paragraphs)
      .toEqual(["Own posts.", "Denominatore: posts", "Interazioni contate: likes", "Unità: posts; versione 1", "Avvertenze: Reposts excluded.", "Dove: pub_own_posts"]);
  });
});

describe("the repository's dictionary is in Italian too", () => {
  it("every English text has its Italian counterpart", () => {
    const {about_it, metrics} = JSON.parse(readFileSync("transforms/metrics.json", "utf8")) as {about_it?: string; metrics: Array<Record<string, unknown>>};
    expect(about_it).toMatch(/dizionario/i);
    const missing = metrics.flatMap((m) => ["definition", "denominator", "interactions", "unit", "caveats"]
      .filter((field) => m[field] != null && !(typeof m[`${field}_it`] === "string" && (m[`${field}_it`] as string).length > 0))
      .map((field) => `${m.id}.${field}_it`));
    expect(missing).toEqual([]);
  });
});

describe("readMetricDictionary", () => {
  it("reads the repository's dictionary: every entry has an id, a title and a formula", () => {
    const entries = readMetricDictionary();
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^[a-z0-9_]+$/);
      expect(entry.title).not.toBe("");
      expect(entry.formula).not.toBeNull();
    }
  });

  it("throws when there is no dictionary at all", () => {
    expect(() => readMetricDictionary("/nonexistent")).toThrow("no metric dictionary in /nonexistent/metrics.json or /nonexistent/metrics.md");
  });
});

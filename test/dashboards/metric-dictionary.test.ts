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
  it("keeps the id, both names, the definition, the formula and the caveats", () => {
    expect(metricEntriesFromJson({metrics: [{id: "posts", name_it: "Post pubblicati", name_en: "Posts published", marts: ["pub_own_posts"],
      definition: "Own posts.", formula: "count(*)", denominator: null, unit: "posts", version: 1, caveats: "Reposts excluded."}]}))
      .toEqual([{id: "posts", title: "Post pubblicati / Posts published",
        paragraphs: ["Own posts.", "Unità: posts; versione 1", "Avvertenze: Reposts excluded.", "Dove: pub_own_posts"], formula: "count(*)"}]);
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

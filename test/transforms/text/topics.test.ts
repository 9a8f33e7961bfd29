import {describe, expect, it} from "vitest";
import {defaultTaxonomy, detectTopics, parseTaxonomy} from "../../../transforms/text/topics.ts";

describe("detectTopics", () => {
  it("ships the required PA taxonomy", () => {
    const ids = defaultTaxonomy().topics.map((topic) => topic.id);
    expect(ids).toEqual(expect.arrayContaining([
      "mobilita-traffico", "trasporto-pubblico", "rifiuti-ambiente", "strade-manutenzione", "sicurezza", "scuola",
      "sociale-sanita", "cultura-eventi", "turismo", "tributi", "servizi-anagrafici-digitali", "emergenze-meteo"
    ]));
    expect(defaultTaxonomy().topics[0]!.label).toBe("mobilità e traffico");
  });

  it.each([
    ["Ancora buche in via Appia", ["strade-manutenzione"]],
    ["Una buca enorme", ["strade-manutenzione"]],
    ["Gli autobus della linea 5 sono in ritardo", ["trasporto-pubblico"]],
    ["Cassonetti pieni e rifiuti ovunque", ["rifiuti-ambiente"]],
    ["Pagamento TARI entro il 16", ["rifiuti-ambiente", "tributi"]],
    ["Allerta meteo arancione, scuole chiuse", ["scuola", "emergenze-meteo"]],
    ["#RaccoltaDifferenziata da domani", ["rifiuti-ambiente"]],
    ["#allertameteo aggiornamenti", ["emergenze-meteo"]],
    ["Come si richiede la carta d'identità elettronica?", ["servizi-anagrafici-digitali"]],
    ["Che bella giornata", []]
  ])("%s → %j", (text, topics) => {
    expect(detectTopics(text, "it")).toEqual(topics);
  });

  it("uses the English keywords for English text", () => {
    expect(detectTopics("Huge pothole on Elm Street", "en")).toEqual(["strade-manutenzione"]);
  });

  it("takes an edited taxonomy", () => {
    const taxonomy = parseTaxonomy({topics: [{id: "verde", label: "verde", keywords: ["albero", "potatura"]}]});
    expect(detectTopics("Potature degli alberi in corso", "it", taxonomy)).toEqual(["verde"]);
  });

  it("names the file and topic when the taxonomy is malformed", () => {
    expect(() => parseTaxonomy({}, "my.json")).toThrow('my.json: expected an object with a "topics" array');
    expect(() => parseTaxonomy({topics: [{id: "x", label: "x", keywords: "buca"}]}, "my.json"))
      .toThrow('my.json: topic 1 ("x"): keywords must be an array of strings');
    expect(() => parseTaxonomy({topics: [{label: "x", keywords: []}]}, "my.json")).toThrow("missing id");
  });
});

import {describe, expect, it} from "vitest";
import {analyzeBatch, analyzeText} from "../../../transforms/text/analyze.ts";

describe("analyzeText", () => {
  it("ties language, sentiment, topics and request flags together", () => {
    const analysis = analyzeText("Ancora una buca enorme in via Appia, qualcuno si farà male 😡");
    expect(analysis).toMatchObject({
      lang: "it",
      sentiment: {label: "negative"},
      topics: ["strade-manutenzione"],
      is_question: false,
      is_complaint: true,
      reply_type: null
    });
  });

  it("sets reply_type only for the organisation's own posts, which are never complaints", () => {
    const reply = "Grazie della segnalazione, abbiamo inoltrato all'ufficio strade";
    expect(analyzeText(reply).reply_type).toBeNull();
    expect(analyzeText(reply, {isOwn: true})).toMatchObject({reply_type: "acknowledgement", is_complaint: false});
  });

  it("keeps a neutral announcement neutral", () => {
    expect(analyzeText("Da lunedì chiusura di via Roma per lavori").sentiment.label).toBe("neutral");
  });

  it("analyses batches with per-item isOwn", () => {
    const results = analyzeBatch(["Grazie!", {text: "Scriva a urp@comune.it", isOwn: true}]);
    expect(results.map((r) => r.reply_type)).toEqual([null, "redirect"]);
  });
});

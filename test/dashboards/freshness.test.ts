import {describe, expect, it} from "vitest";
import {freshness} from "./components.ts";

const {freshnessSummary, lastRunSentence, outcomeName} = freshness;

const row = (entity_name: string, platform: string, newest_item_on: string | null, days: number | null, newest_daily_on: string | null = null) =>
  ({entity_name, platform, newest_item_on, days_since_newest_item: days, newest_daily_on, items_last_30_days: 0, as_of_on: "2025-06-30"});

describe("freshnessSummary", () => {
  it("counts the current channels, names the stalest and those without items", () => {
    expect(freshnessSummary([
      row("Comune di Valdoria", "facebook", "2025-06-30", 0),
      row("Comune di Valdoria", "x", "2025-06-25", 5),
      row("Comune di Roccamonte", "x", "2025-05-30", 31),
      row("Comune di Roccamonte", "instagram", null, null, "2025-06-29"),
      row("Comune di Roccamonte", "youtube", null, null)
    ])).toBe("5 canali osservati; 2 con contenuti negli ultimi 7 giorni fino al 30 giugno 2025. " +
      "Il più fermo: X di Comune di Roccamonte, ultimo contenuto del 30 maggio 2025 (31 giorni prima). " +
      "Senza contenuti: Instagram di Comune di Roccamonte (solo metriche giornaliere), YouTube di Comune di Roccamonte.");
  });

  it("says nothing of a stalest channel when every one is current, and handles no channel", () => {
    expect(freshnessSummary([row("Comune di Valdoria", "facebook", "2025-06-28", 2)]))
      .toBe("1 canale osservato; 1 con contenuti negli ultimi 7 giorni fino al 30 giugno 2025.");
    expect(freshnessSummary([])).toBe("Nessun canale registrato.");
  });
});

describe("lastRunSentence", () => {
  it("the newest run before this publication, in Rome time; null when none was recorded", () => {
    expect(lastRunSentence([{run_id: 7, started_at: "2025-06-30T16:10:05Z", outcome: "rejected_files", files_loaded: 3, files_rejected: 1, rows_added: 1234}]))
      .toBe("L'ultima esecuzione registrata prima di questa pubblicazione (n. 7) è iniziata il 30/06/25, 18:10: " +
        "completata, con file scartati, 3 file caricati, 1 scartati, 1.234 righe aggiunte.");
    expect(lastRunSentence([])).toBeNull();
    expect(outcomeName("interrupted")).toBe("interrotta");
    expect(outcomeName("something_else")).toBe("something_else");
  });
});

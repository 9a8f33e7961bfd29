import {describe, expect, it} from "vitest";
import {classifyReply, isComplaint, isQuestion} from "../../../transforms/text/requests.ts";
import type {Lang, ReplyType} from "../../../transforms/text/types.ts";

describe("isQuestion", () => {
  it.each([
    ["Quando riapre la piscina comunale?", "it", true],
    ["Qualcuno sa se domani c'è il mercato", "it", true],
    ["Vorrei sapere come pagare la mensa scolastica", "it", true],
    ["Buongiorno, a chi devo rivolgermi per un albero pericolante", "it", true],
    ["Si può pagare la multa online", "it", true],
    ["È possibile prenotare al telefono", "it", true],
    ["Dove si ritirano i sacchetti", "it", true],
    ["Ma è possibile che ogni volta che piove si allaghi il sottopasso?", "it", false],
    ["Come si fa a lasciare una scuola senza riscaldamento!", "it", false],
    ["Da lunedì chiusura di via Roma per lavori", "it", false],
    ["Does anyone know when the new schedule starts", "en", true],
    ["How do I renew my parking permit?", "en", true],
    ["Road closure on Main St", "en", false]
  ] as [string, Lang, boolean][])("%s → %s", (text, lang, expected) => {
    expect(isQuestion(text, lang)).toBe(expected);
  });
});

describe("isComplaint", () => {
  it.each([
    ["Segnalo una perdita d'acqua in via Verdi", "it", true],
    ["Lampione spento da settimane in via dei Mille", "it", true],
    ["Rifiuti non raccolti da 5 giorni", "it", true],
    ["C'è una buca enorme davanti alla scuola", "it", true],
    ["Il 34 non passa, nessuno interviene", "it", true],
    ["Il bando per contributi affitto scade il 30 aprile", "it", false],
    ["Sciopero generale venerdì", "it", false],
    ["Streetlight broken for weeks", "en", true],
    ["New opening hours for city hall", "en", false]
  ] as [string, Lang, boolean][])("%s → %s", (text, lang, expected) => {
    expect(isComplaint(text, lang)).toBe(expected);
  });

  it("counts a negative sentiment as a complaint", () => {
    expect(isComplaint("Questo governo è un disastro", "it", {negative: true})).toBe(true);
  });
});

describe("classifyReply", () => {
  it.each([
    ["Buongiorno, può scrivere a urp@comune.esempio.it", "redirect"],
    ["Per questo tipo di segnalazioni contatti il numero verde 800 123 456", "redirect"],
    ["Trova il modulo online su https://www.comune.esempio.it/modulistica", "redirect"],
    ["Si rivolga allo sportello anagrafe", "redirect"],
    ["Può usare l'app del Comune", "redirect"],
    ["Please contact 311 for missed pickups", "redirect"],
    ["Grazie della segnalazione, l'abbiamo inoltrata all'ufficio competente", "acknowledgement"],
    ["Abbiamo inoltrato la sua segnalazione, verificheremo al più presto", "acknowledgement"],
    ["Segnalazione presa in carico", "acknowledgement"],
    ["Thanks for reporting, we've passed it on to the crews", "acknowledgement"],
    ["La piscina riapre lunedì 3 giugno con orario 9-19", "answer"],
    ["Sì, il mercato si tiene regolarmente anche domani", "answer"]
  ] as [string, ReplyType][])("%s → %s", (text, expected) => {
    expect(classifyReply(text)).toBe(expected);
  });
});

import {describe, expect, it} from "vitest";
import {analyzeText} from "../../../transforms/text/analyze.ts";
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

  it("does not count negative sentiment alone as a complaint, only as support for weak evidence", () => {
    expect(isComplaint("Questo governo è un disastro", "it", {negative: true})).toBe(false);
    expect(isComplaint("Anche oggi il 12 pieno come un uovo", "it", {negative: true, topics: ["trasporto-pubblico"]})).toBe(true);
    expect(isComplaint("Anche oggi il 12 pieno come un uovo", "it", {negative: false, topics: ["trasporto-pubblico"]})).toBe(false);
  });
});

// One row per finding: [case, text, is_question, is_complaint], through analyzeText as the marts see it.
const REQUESTS: [string, string, boolean, boolean][] = [
  ["pronoun has no polarity", "Anche da noi stessa cosa", false, false],
  ["basta + verb is 'you only need to'", "È scritto sul sito, basta cercare", false, false],
  ["basta! is enough, still not a report", "Ora basta con queste polemiche", false, false],
  ["agreement is commentary", "Infatti, ogni anno la stessa storia", false, false],
  ["irony about a decision", "Bene, così il traffico raddoppia 🙃", false, false],
  ["irony about a decision", "Evviva, un'altra rotatoria, proprio quello che serviva...", false, false],
  ["political criticism", "Vergogna, sindaco dimettiti", false, false],
  ["opinion on a decision", "Aumentare la TARI così è inaccettabile", false, false],
  ["sceptical question", "Lavori finiti? Aspetto di vederlo per crederci", false, false],
  ["emoji alone", "😡😡", false, false],
  ["question to other citizens", "Qualcuno ha visto un gatto grigio in Borgo Nuovo? Si chiama Pippo", false, false],
  ["question to a tagged person", "@giulia_ferrari12 ti interessa?", false, false],
  ["tagged person, Facebook style", "Marco Rossi ti interessa?", false, false],
  ["X reply to the organisation still asks", "@ComuneBorgoverde quando riapre la piscina?", true, false],
  ["qualcuno sa about a service asks", "Qualcuno sa se domani c'è il mercato?", true, false],
  ["question to the comune", "Ma la piscina comunale quando riapre?", true, false],
  ["insistent ?? still asks", "Scusate, e in via Roma quando passano??", true, false],
  ["follow-up: still nothing", "Ancora niente però...", false, true],
  ["follow-up: already done", "Ma l'ho già fatto due settimane fa 😒", false, true],
  ["object + state, no keyword", "Il cassonetto in via Verdi è sempre pieno e pieno di rifiuti intorno", false, true],
  ["object + state, no keyword", "Le strisce pedonali in via Mazzini non si vedono più", false, true],
  ["object + state, no keyword", "Alberi non potati in via del Lavoro, i rami toccano i fili", false, true],
  ["chat spelling", "Sito del comune nn funziona, impossibile prenotare la CIE", false, true],
  ["nobody answers", "Ho chiamato tre volte l'URP e non risponde nessuno", false, true],
  ["question and report", "Lampione spento in via Verdi, quando lo riparate?", true, true],
  ["a fix already made, thanked", "Grazie per aver sistemato il lampione che era spento da settimane", false, false],
  ["a fix that did not last", "La buca l'hanno coperta ma si è già riaperta", false, true],
  ["sarcasm about how long a fix took", "Complimenti, solo tre mesi per una buca 👏👏", false, false],
  ["a full park is not a problem", "Il parco era pieno di bambini, bellissimo", false, false],
  ["a statement, not a question", "Quando c'è il mercato non si trova parcheggio", false, false],
  ["English: irony", "Oh great, another tax increase 🙄", false, false],
  ["English: question to a friend", "@jenny_k are you coming to the fair?", false, false],
  ["English: report", "Trash hasn't been picked up on Oak Street for a week", false, true]
];

describe("analyzeText request flags", () => {
  it.each(REQUESTS)("%s: %s", (_, text, question, complaint) => {
    expect(analyzeText(text)).toMatchObject({is_question: question, is_complaint: complaint});
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

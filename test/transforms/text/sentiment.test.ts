import {describe, expect, it} from "vitest";
import {scoreSentiment} from "../../../transforms/text/sentiment.ts";
import type {Lang, SentimentLabel} from "../../../transforms/text/types.ts";

// One row per rule: [rule, lang, text, expected label]
const CASES: [string, Lang, string, SentimentLabel][] = [
  ["neutral announcement", "it", "Da lunedì chiusura di via Roma per lavori", "neutral"],
  ["neutral announcement", "it", "Il sindaco incontra le scuole", "neutral"],
  ["neutral announcement", "it", "Pagamento TARI entro il 16", "neutral"],
  ["domain words carry no polarity", "it", "Traffico, rifiuti, tasse, polizia e comune: il consiglio di giovedì", "neutral"],
  ["domain words carry no polarity", "en", "Road closure on Main St for roadworks, police on site", "neutral"],
  ["plain positive", "it", "Bellissima iniziativa, bravi!", "positive"],
  ["plain negative", "it", "Servizio pessimo, che schifo", "negative"],
  ["inflection via stem", "it", "Le nuove panchine sono belle", "positive"],
  ["inflection via stem", "it", "I nuovi bus funzionano", "positive"],
  ["elision", "it", "L'acqua dell'ufficio è sporca", "negative"],
  ["elision", "it", "Un'altra bellissima giornata", "positive"],
  ["negation flips praise", "it", "Il servizio non è buono", "negative"],
  ["negation softens criticism", "it", "Non male il nuovo orario", "positive"],
  ["negation: nessun problema", "it", "Nessun problema con il rinnovo online", "positive"],
  ["negation: senza", "it", "Tutto fatto senza problemi", "positive"],
  ["negation: mai", "it", "Il personale non è mai gentile", "negative"],
  ["negation: niente", "it", "Non funziona niente", "negative"],
  ["negation scope ends at punctuation", "it", "Non ci sono andato, ma è bellissimo", "positive"],
  ["non ... mai visto is emphasis", "it", "Non ho mai visto la città così pulita", "positive"],
  ["intensifier", "it", "Molto bello", "positive"],
  ["diminisher: un po'", "it", "Un po' deludente la mostra", "negative"],
  ["diminisher: poco turns praise", "it", "Bando poco chiaro", "negative"],
  ["too much of something plain", "it", "Troppo traffico, troppo smog", "negative"],
  ["superlative -issimo", "it", "Gentilissimi!", "positive"],
  ["superlative -issime", "it", "Strade sporchissime", "negative"],
  ["emoji positive", "it", "👏👏", "positive"],
  ["emoji negative", "it", "😡", "negative"],
  ["emoji with variation selector", "it", "❤️", "positive"],
  ["emoticon", "it", "Finito il corso :)", "positive"],
  ["emoticon", "it", "Anche oggi :(", "negative"],
  ["hashtag split", "it", "#GrazieComune", "positive"],
  ["hashtag split", "it", "#TrenordVergogna ancora ritardi", "negative"],
  ["glued hashtag", "it", "#cittàpulita", "positive"],
  ["laughter alone is mild praise", "it", "ahahah che bella la foto", "positive"],
  ["laughter next to complaint mocks", "it", "ahahah e poi dicono che va tutto bene", "negative"],
  ["irony: grazie eh", "it", "Grazie eh", "negative"],
  ["irony: complimenti!!! after a problem", "it", "L'ufficio è chiuso e sul sito c'è scritto aperto. Complimenti!!!", "negative"],
  ["irony: bravi bravi", "it", "Bravi bravi, chiudete pure un altro ospedale", "negative"],
  ["irony: praise + recurrence", "it", "Bella gestione, complimenti davvero. Due mesi per cambiare una lampadina", "negative"],
  ["irony: quoted praise", "it", "\"Ottimo\" lavoro, la strada rifatta si è già rotta", "negative"],
  ["irony: eye roll", "it", "Geniale, mettere il cantiere proprio ad agosto 🙄", "negative"],
  ["irony: facepalm", "it", "Bellissimo, un'altra multa 🤦‍♂️", "negative"],
  ["come sempre + complaint", "it", "Come sempre i soliti ritardi", "negative"],
  ["come sempre + praise", "it", "Gentilissimi come sempre, grazie", "positive"],
  ["contrast: ma", "it", "Bello il progetto, peccato che non sia mai partito", "negative"],
  ["contrast: ma", "it", "Caro il biglietto ma la mostra merita davvero", "positive"],
  ["exclamation emphasis", "it", "Grazie!!!", "positive"],
  ["ALL CAPS emphasis", "it", "LA STRADA È DISTRUTTA DA ANNI!!! NESSUNO INTERVIENE", "negative"],
  ["ALL CAPS shouting with no polar word", "it", "IL BUS NON È ANCORA ARRIVATO!!!", "negative"],
  ["question is neutral", "it", "Quando riapre la piscina comunale?", "neutral"],
  ["question with a polar word stays mild", "it", "Il servizio è buono?", "neutral"],
  ["rhetorical question is a complaint", "it", "Ma è possibile che ogni volta che piove si allaghi il sottopasso?", "negative"],
  ["profanity", "it", "Ladri e incapaci", "negative"],
  ["profanity", "it", "Che figura di m***a", "negative"],
  ["slang", "it", "nn funziona + niente, che palle", "negative"],
  ["elongation", "it", "Bellooooo", "positive"],
  ["political neutral", "it", "Il Pd presenta la sua proposta sulla legge elettorale", "neutral"],
  ["political negative", "it", "Governo di incompetenti", "negative"],
  ["plain positive", "en", "Great job by the fire department, thank you!", "positive"],
  ["plain negative", "en", "Worst customer service ever", "negative"],
  ["negation n't", "en", "I don't like the new traffic lights, they're confusing", "negative"],
  ["negation softens criticism", "en", "Not bad at all", "positive"],
  ["never had a problem", "en", "Never had a problem with the new system", "positive"],
  ["intensifier", "en", "Really impressed", "positive"],
  ["diminisher", "en", "Slightly disappointed", "negative"],
  ["emoji", "en", "😡😡", "negative"],
  ["irony: eye roll", "en", "Oh great, another tax increase 🙄", "negative"],
  ["irony: sarcastic opener", "en", "Well done, you made traffic even worse", "negative"],
  ["thanks for nothing", "en", "Thanks for nothing, city hall", "negative"],
  ["question is neutral", "en", "When does the recycling center open?", "neutral"],
  ["rhetorical question", "en", "When will someone finally fix this traffic light??", "negative"],
  ["ALL CAPS", "en", "SERIOUSLY FIX THE ROAD ALREADY", "negative"],
  ["laughter", "en", "haha love the new mascot 😂", "positive"],
  ["contrast: but", "en", "Nice idea but terrible execution", "negative"],
  ["emoji only under other", "other", "👍👍", "positive"],
  // idioms and phrases (lexicon/phrases.*.tsv); elisions and n't inside a phrase
  ["idiom with an elision: non vedo l'ora", "it", "Non vedo l'ora di tornare al mare", "positive"],
  ["idiom: ha ragione", "it", "Il sindaco ha ragione sulla ZTL", "positive"],
  ["idiom negated: non hai ragione", "it", "Stavolta non hai ragione", "negative"],
  ["idiom: siamo alla frutta", "it", "Treni fermi un'altra volta, siamo alla frutta", "negative"],
  ["idiom: fa acqua da tutte le parti", "it", "Questo piano fa acqua da tutte le parti", "negative"],
  ["idiom: alla grande", "it", "Il concerto è andato alla grande", "positive"],
  ["idiom: da paura is praise", "it", "Una serata da paura", "positive"],
  ["che paura is fear", "it", "Che paura il temporale di stanotte", "negative"],
  ["idiom: meno male", "it", "Meno male che hanno riaperto il ponte", "positive"],
  ["idiom: ci mancava solo", "it", "Ci mancava solo la neve", "negative"],
  ["political insult", "it", "Governo di voltagabbana", "negative"],
  ["mah is doubt", "it", "mah", "negative"],
  ["boh is no opinion", "it", "boh", "neutral"],
  ["speriamo is hope", "it", "Speriamo che domani riapra la piscina", "positive"],
  ["chat spelling: nn in a phrase", "it", "nn vedo l'ora di partire", "positive"],
  ["chat spelling: tvb", "it", "tvb Napoli", "positive"],
  ["cheer opening a clause", "it", "Forza ragazzi, domani tutti al seggio!", "positive"],
  ["a party is not a cheer", "it", "Forza Italia presenta i candidati", "neutral"],
  ["w X", "it", "W la Costituzione", "positive"],
  ["abbasso X", "it", "Abbasso la burocrazia", "negative"],
  ["glued hashtag: #iostocon", "it", "#iostoconilsindaco", "positive"],
  ["glued hashtag: #staisereno is a threat", "it", "#enricostaisereno", "negative"],
  ["glued hashtag needs a clear word", "it", "Alle 15 il question time #ministrorisponde", "neutral"],
  ["subject negator + verb of care", "it", "Nessuno si occupa del verde pubblico", "negative"],
  ["subject negator + verb of care", "en", "Nobody at city hall listens", "negative"],
  ["subject negator, no verb of care", "it", "Nessuno è rimasto ferito nell'incidente", "neutral"],
  ["a question covers its whole sentence", "it", "Chi vince secondo voi, Roma o Lazio?", "neutral"],
  ["reported speech opening a headline", "it", "Draghi: \"La crisi non è ancora finita\"", "neutral"],
  ["news agency", "it", "Crisi di governo, consultazioni da domani (ANSA)", "neutral"],
  ["shared article", "it", "Monti in crisi di consensi via @repubblica", "neutral"],
  ["irony: praise closing real criticism", "it", "Hanno distrutto il parco in un mese, complimenti", "negative"],
  ["closing thanks is politeness, not irony", "it", "Segnalo un lampione rotto in via Po, grazie", "neutral"],
  ["irony: grazie X eh", "it", "Grazie Trenitalia eh", "negative"],
  ["irony: complimenti vivissimi", "it", "Complimenti vivissimi per l'organizzazione", "negative"],
  ["irony marker: ah beh", "it", "Ah beh, bravissimi", "negative"],
  ["rhetorical: ma in che paese", "it", "Ma in che paese viviamo", "negative"],
  ["idiom with n't: can't wait", "en", "Can't wait for the parade!", "positive"],
  ["idiom: looking forward", "en", "Looking forward to the new library", "positive"],
  ["epic", "en", "That concert was epic", "positive"],
  ["epic fail", "en", "Epic fail by the council", "negative"],
  ["smh", "en", "Roadworks again smh", "negative"],
  ["idiom: nothing beats", "en", "Nothing beats a sunny day in the park", "positive"],
  ["lost and found is no loss", "en", "Lost and found office opens at 9", "neutral"],
  ["irony marker: yeah right", "en", "Yeah right, great plan", "negative"]
];

describe("scoreSentiment", () => {
  it.each(CASES)("%s (%s): %s", (_rule, lang, text, expected) => {
    const sentiment = scoreSentiment(text, lang);
    expect(sentiment.label, JSON.stringify(sentiment)).toBe(expected);
  });

  it("keeps the score in [-1, 1] and lists the terms that drove it", () => {
    const sentiment = scoreSentiment("SCHIFO SCHIFO VERGOGNA LADRI INCAPACI!!! 😡😡😡🤬", "it");
    expect(sentiment.score).toBeGreaterThanOrEqual(-1);
    expect(sentiment.score).toBeLessThan(-0.9);
    expect(sentiment.terms).toEqual(expect.arrayContaining(["schifo", "vergogna", "😡"]));
  });

  it("scores empty and signal-free text as neutral 0", () => {
    expect(scoreSentiment("", "it")).toEqual({label: "neutral", score: 0, terms: []});
    expect(scoreSentiment("https://www.comune.it/avvisi", "other")).toEqual({label: "neutral", score: 0, terms: []});
  });

  it("uses only emoji and emoticons for other languages", () => {
    expect(scoreSentiment("Das ist schlecht", "other").label).toBe("neutral");
  });
});

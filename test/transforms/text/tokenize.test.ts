import {describe, expect, it} from "vitest";
import {splitHashtag, tokenize} from "../../../transforms/text/tokenize.ts";
import {stemIt} from "../../../transforms/text/stem-it.ts";

const norms = (text: string) => tokenize(text).map((token) => token.norm);

describe("tokenize", () => {
  it("splits Italian elisions, keeping the article with its apostrophe", () => {
    expect(norms("dell'ufficio l'acqua un'altra")).toEqual(["dell'", "ufficio", "l'", "acqua", "un'", "altra"]);
    expect(norms("l’acqua")).toEqual(["l'", "acqua"]);
  });

  it("restores accents written as apostrophes and keeps po'", () => {
    expect(norms("E' perche' un po'")).toEqual(["è", "perchè", "un", "po'"]);
  });

  it("reads n't as not", () => {
    expect(norms("don't")).toEqual(["do", "not"]);
  });

  it("reads chat spellings as the words they stand for", () => {
    expect(norms("nn cmq xké xke x me ke")).toEqual(["non", "comunque", "perché", "perché", "per", "me", "che"]);
    expect(norms("X Factor")).toEqual(["x", "factor"]);
  });

  it("reads can't and won't as can not and will not", () => {
    expect(norms("Can't won't")).toEqual(["can", "not", "will", "not"]);
  });

  it("splits hashtags into words, glued accented ones included", () => {
    expect(norms("#GrazieComune")).toEqual(["#graziecomune", "grazie", "comune"]);
    expect(norms("#cittàpulita")).toEqual(["#cittàpulita", "cittàpulita"]);
    expect(splitHashtag("#raccolta_differenziata2024")).toEqual(["raccolta", "differenziata"]);
  });

  it("types emoji, emoticons, mentions, URLs and punctuation", () => {
    const tokens = tokenize("@sindaco https://x.it/a 😡 ❤️ :) :-( !!");
    expect(tokens.map((t) => [t.norm, t.kind])).toEqual([
      ["@sindaco", "mention"], ["https://x.it/a", "url"], ["😡", "emoji"], ["❤", "emoji"],
      [":)", "emoticon"], [":-(", "emoticon"], ["!", "punct"], ["!", "punct"]
    ]);
  });

  it("folds laughter, collapses elongations and marks capitals", () => {
    expect(norms("ahahahah hahaha lol bellooooo")).toEqual(["ahah", "ahah", "ahah", "bello"]);
    expect(tokenize("VERGOGNA")[0]!.caps).toBe(true);
    expect(tokenize("Ok")[0]!.caps).toBe(false);
  });

  it("turns censored swearing into one token", () => {
    expect(norms("figura di m***a")).toEqual(["figura", "di", "censored"]);
  });
});

describe("stemIt (Snowball Italian)", () => {
  it.each([
    ["bello", "bell"], ["bella", "bell"], ["belli", "bell"], ["belle", "bell"],
    ["funziona", "funzion"], ["funzionano", "funzion"], ["funzionare", "funzion"],
    ["buche", "buch"], ["abbandonata", "abbandon"], ["vergognatevi", "vergognat"], ["città", "citt"]
  ])("%s → %s", (word, stem) => {
    expect(stemIt(word)).toBe(stem);
  });
});

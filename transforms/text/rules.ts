/** The closed word classes the sentiment rules use, per language. Open-class words live in lexicon/. */

export interface LanguageRules {
  negators: Set<string>;
  /** Negators that, followed by one of these words, intensify instead ("mai visto", "never seen"). */
  emphaticAfterNegator: RegExp;
  /** Multiplier for the next polar word; below 1 softens, below 0 turns it ("poco chiaro"). */
  modifiers: Map<string, number>;
  /** Two-word modifiers, joined by a space ("un po'", "a bit"). */
  modifierPhrases: Map<string, number>;
  /** First words of modifierPhrases, to skip the lookup for every other word. */
  modifierStarts: Set<string>;
  /** After these, what follows counts more than what came before ("bello ma sporco"). */
  contrast: Set<string>;
  /** Words of praise that irony turns ("grazie eh", "complimenti!!!" about a problem). */
  praise: Set<string>;
  /** Thanks closing a message: politeness, never sarcastic by position alone. */
  thanks: Set<string>;
  /** Words that mark irony when they follow praise. */
  ironyAfterPraise: Set<string>;
  /** Phrases that make a question rhetorical, i.e. a complaint ("ma è possibile", "vi sembra normale"); on folded text. */
  rhetorical: RegExp;
  /** A complaint about something that keeps happening: with praise, that praise is ironic; on folded text. */
  recurrence: RegExp;
  /** Function words: they do not use up a negation's scope. */
  functionWords: Set<string>;
  /** Negators that are a subject ("nessuno si preoccupa"): criticism after them stays criticism. */
  subjectNegators: Set<string>;
  /** Verbs of care or action that, after a subject negator, make a complaint ("nessuno ascolta", "nobody cares"). */
  neglectVerbs: RegExp;
  /** Cheers that praise what follows only at the start of a clause ("Forza ragazzi!", not "la forza"). */
  cheers: Map<string, number>;
  /** Ironic interjections: with them, praise is sarcasm ("ah beh, bravissimi"); on folded text. */
  ironyMarkers: RegExp;
  /**
   * "Enough!" words, negative only alone or in their fixed uses: "basta!", "ora basta", "basta con", not "basta cercare"
   * ("you only need to").
   */
  enough: {words: Set<string>; before: Set<string>; after: Set<string>};
}

const words = (list: string) => new Set(list.split(" "));
const weights = (list: string) =>
  new Map(list.split(",").map((pair) => {
    const [word, value] = pair.trim().split("=");
    return [word!.trim(), Number(value)] as const;
  }));

export const RULES: Record<"it" | "en", LanguageRules> = {
  it: {
    negators: words("non nn mai né nè nessuno nessuna nessun niente nulla senza neanche nemmeno neppure mica"),
    emphaticAfterNegator: /^(vist[oaie]|sentit[oaie])$/,
    modifiers: weights(
      "molto=1.5, troppo=1.5, tanto=1.3, tantissimo=1.6, davvero=1.4, veramente=1.4, proprio=1.3, " +
        "assolutamente=1.5, estremamente=1.6, totalmente=1.5, completamente=1.4, super=1.5, così=1.3, " +
        "particolarmente=1.3, parecchio=1.3, sempre=1.2, decisamente=1.4, altamente=1.4, " +
        "troppa=1.5, troppi=1.5, troppe=1.5, poco=-0.8, abbastanza=0.7, leggermente=0.6, quasi=0.7, piuttosto=0.8, alquanto=0.8"
    ),
    modifierPhrases: weights("un po'=0.6, un poco=0.6, per niente=1.3, per nulla=1.3"),
    modifierStarts: words("un per"),
    contrast: words("ma però tuttavia peccato comunque invece"),
    praise: words(
      "grazie complimenti bravi bravo brava brave bravissimi geniale bello bella bellissimo bellissima " +
        "evviva ottimo ottima ottimi perfetto perfetta fantastico fantastica figata meraviglioso bene viva " +
        "splendido grande grandi chapeau genio top"
    ),
    ironyAfterPraise: words("eh eh... davvero neh vivissimi"),
    thanks: words("grazie grz"),
    rhetorical:
      /\b(ma e possibile|e mai possibile|vi sembra|vi pare|e normale|ma come si fa|ma secondo voi|perche( \w+){0,3} nessuno|quando avete intenzione|ma davvero|ma quando|ma dove|che aspettate|ci vuole tanto|ancora niente|e poi dicono|come no|ma in che (paese|mondo)|(ma )?che (ha|hanno|avete) bevuto|ma (ti|vi) rendete? conto|ma chi (li|lo|la|vi|ti) (vota|ha votato)|(siamo|siete|sono) impazziti|ma scherziamo|stiamo scherzando|vi siete dimenticati|esiste ancora)\b/,
    recurrence:
      /\b(ancora una volta|di nuovo|ennesim[oa]|anche oggi|anche quest|come sempre|da (giorni|settimane|mesi|anni)|altra (tassa|multa)|(due|tre|\d+) (mesi|settimane|ore|giorni) per|un'? ?ora per|a secco|multa|si e già)\b/,
    functionWords: words(
      "il lo la i gli le l' un uno una un' di a da in con su per tra fra e ed o che è ho ha hanno ho sono " +
        "del della dello dei degli delle al alla allo ai agli alle dal dalla dai nel nella nei sul sulla " +
        "mi ti ci vi si ne me te se lo più questo questa quel quella mio mia tuo suo nostro vostro loro " +
        "c' d' dell' all' nell' sull' dall' anche ancora già stato stata essere avere fa fatto"
    ),
    subjectNegators: words("nessuno"),
    neglectVerbs:
      /^(preoccup|occup|interv|rispond|ascolt|controll|pag[ah]|dimett|pulisc|ripar|aiut|risolv|pens[ae]|interess|cur[ae]|muov|sistem|cambi|rispett|sa$|sapev|vede$|vedono$)/,
    cheers: weights("forza=1.5"),
    ironyMarkers: /\b(ah beh|ah bhe|eh gia|eh certo|certo certo|si certo|ma dai|vabbe|figuriamoci)\b/,
    enough: {words: words("basta"), before: words("ora adesso e ma"), after: words("con così")}
  },
  en: {
    negators: words("not no never nobody nothing neither nor without none cannot dont cant wont isnt doesnt didnt aint hardly"),
    emphaticAfterNegator: /^(seen|been|felt)$/,
    modifiers: weights(
      "very=1.5, really=1.4, so=1.4, too=1.4, extremely=1.6, super=1.5, absolutely=1.5, totally=1.5, " +
        "incredibly=1.6, truly=1.3, quite=1.2, most=1.3, completely=1.4, seriously=1.3, such=1.3, " +
        "slightly=0.5, somewhat=0.6, kinda=0.7, fairly=0.8, barely=-0.5, less=-0.5"
    ),
    modifierPhrases: weights("a bit=0.6, a little=0.6, kind of=0.7, sort of=0.7, at all=1.3"),
    modifierStarts: words("a kind sort at"),
    contrast: words("but however though although yet"),
    praise: words("wow great thanks thank wonderful nice brilliant perfect fantastic awesome love lovely well good amazing"),
    ironyAfterPraise: words("...: eh"),
    thanks: words("thanks thank thx ty"),
    rhetorical:
      /\b(why does it take|when will (someone|they|you)|how hard is it|how is this|is this normal|seriously\?|are you kidding|how many more|what'?s wrong with|what is wrong with|are you serious)\b/,
    recurrence:
      /\b(again|another|yet another|as usual|for (days|weeks|months|years)|(two|three|\d+) (months|weeks|hours|days) to|every (day|time|morning))\b/,
    functionWords: words(
      "the a an of to in on at for with by from and or is are was were be been it its this that these those " +
        "i you he she we they my your our their me us them do does did have has had"
    ),
    subjectNegators: words("nobody noone"),
    neglectVerbs: /^(cares?|knows?|listens?|answers?|helps?|does|fix(es)?|responds?|bothers?|gives?|checks?)$/,
    cheers: new Map(),
    ironyMarkers: /\b(yeah right|oh great|just great|just what (i|we) needed|thanks a lot|sure thing)\b/,
    enough: {words: new Set(), before: new Set(), after: new Set()}
  }
};

/** Laughter and crying-with-laughter: mild praise, or mockery next to a complaint. */
export const LAUGHTER = new Set(["ahah", "xd", "xD", "XD", "😂", "🤣", "😆", "😹"]);

/** Applause and approval: praise that irony can turn ("ha distrutto il partito, chapeau 👏👏"). */
export const PRAISE_EMOJI = new Set(["👏", "👍", "🙌", "👌", "💯", "🔝"]);

/**
 * Reported speech or a headline ("Monti: la crisi non è finita", "RT @ANSA: Spread a 320"): its first sentence
 * reports, it does not judge. On the original text, for the capitals.
 */
export const HEADLINE = /^(?:RT @\w+:\s*)?\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*)?\s?:\s/u;
/** News agencies: a text naming one (or sharing "via @repubblica") reports. */
export const NEWS_AGENCIES = new Set(["ansa", "adnkronos", "agi"]);

/** Emoji that mark irony on their own. */
export const IRONY_EMOJI = new Set(["🙄", "🤦", "😒", "🙃", "😏"]);

/**
 * Lower case, straight apostrophes, no accents: the form the phrase patterns here and in requests.ts are
 * written for. JavaScript's \b knows only ASCII letters, so "perché\b" would never match.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  const straight = lower.includes("’") ? lower.replace(/’/g, "'") : lower;
  // a callback per accented letter costs more than five scans that usually find nothing
  return straight.replace(/[àá]/g, "a").replace(/[èé]/g, "e").replace(/[ìí]/g, "i").replace(/[òó]/g, "o").replace(/[ùú]/g, "u");
}

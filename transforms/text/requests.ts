import {INSTITUTIONAL_HANDLE, REQUEST_RULES, type RequestRules} from "./request-rules.ts";
import {foldText, RULES} from "./rules.ts";
import type {Lang, ReplyType} from "./types.ts";

// Patterns here run on foldText's output: lower case, no accents. The tokenizer reads more chat spellings, but the
// phrases run on text, so they get the two they meet most ("nn funziona", "xke").
const chatToWords = (lower: string) => (/\b(nn|xke|xche)\b/.test(lower) ? lower.replace(/\bnn\b/g, "non").replace(/\bx(ke|che)\b/g, "perche") : lower);

const LEADING_MENTIONS = /^\s*(?:@[\w.]+[\s,:]*)+/;

/**
 * Who a text opening with @mentions is addressed to: "org" when one of them is an institution (X puts the replied-to
 * handle first, "@ComuneBorgoverde quando riapre?"), "person" when all are people ("@marco ti interessa?").
 */
function addressee(text: string): {to: "org" | "person" | "none"; skip: number} {
  const match = LEADING_MENTIONS.exec(text);
  if (!match) return {to: "none", skip: 0};
  return {to: match[0].split(/[\s,:]+/).some((handle) => INSTITUTIONAL_HANDLE.test(handle)) ? "org" : "person", skip: match[0].length};
}

/**
 * Asks the administration something: a question mark, an interrogative opening with a verb of asking, or a request for
 * information ("vorrei sapere", "a chi devo rivolgermi"). Not rhetorical or sceptical questions, not questions to
 * other citizens ("qualcuno ha visto un gatto?", "@marco ti interessa?"); an exclamation is not a question.
 */
export function isQuestion(text: string, lang: Lang, {folded}: {folded?: string} = {}): boolean {
  const {to, skip} = addressee(text);
  if (to === "person") return false;
  const lower = chatToWords((folded ?? foldText(text)).slice(skip));
  const key = lang === "en" ? "en" : "it";
  const rules = REQUEST_RULES[key];
  // "Come si fa a lasciare una scuola senza riscaldamento!" exclaims rather than asks
  const asks = lower.includes("?") || (!/!\s*$/.test(lower) && (rules.asks.test(lower) || rules.opening.test(lower)));
  // "??" insists rather than mocks here ("e in via Roma quando passano??"): only the phrases make a question rhetorical
  return asks && !(RULES[key].rhetorical.test(lower) || /\?!|!\?/.test(lower) || rules.notAsking.test(lower) || rules.toCitizens.test(lower));
}

/**
 * Reports a problem or a disservice to the administration (a "segnalazione"): named outright ("lampione spento",
 * "nessuno risponde", "da giorni"), or a public object with something wrong with it ("il cassonetto è sempre pieno",
 * "le strisce non si vedono più"). Negative sentiment only strengthens weak evidence: with an object or a topic and
 * something lasting ("anche oggi", "ancora", "sempre"). Opinions, irony about a decision and political criticism are not
 * complaints, however negative.
 */
export function isComplaint(
  text: string,
  lang: Lang,
  {negative = false, folded, topics = []}: {negative?: boolean; folded?: string; topics?: readonly string[]} = {}
): boolean {
  const lower = chatToWords(folded ?? foldText(text));
  // Italian phrases also run on texts detected as English or other: short Italian reports are often misread
  const sets = lang === "en" ? [REQUEST_RULES.it, REQUEST_RULES.en] : [REQUEST_RULES.it];
  return sets.some((rules) => reports(rules, lower, negative, topics)) &&
    // "grazie per aver sistemato il lampione spento da settimane" reports nothing new
    !sets.some((rules) => rules.resolved.test(lower) && !rules.stillThere.test(lower));
}

/** A report in one language's patterns: a phrase, a problem noun, an object and its state, or weak evidence made negative. */
function reports(rules: RequestRules, lower: string, negative: boolean, topics: readonly string[]): boolean {
  if (rules.complaint.test(lower) || (rules.problemNouns.test(lower) && !rules.tookTime.test(lower))) return true;
  // the cheaper test first: most texts name no state and are not negative
  if (rules.states.test(lower) && rules.objects.test(lower)) return true;
  return negative && rules.persistence.test(lower) && (topics.length > 0 || rules.objects.test(lower));
}

const URL = /(https?:\/\/|www\.)\S+|\b[\w-]+\.(gov|it|com|org|eu)(\/\S*)?\b/;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;
const PHONE = /(\+39\s?)?\b(0\d{1,3}[\s./-]?\d{5,8}|3\d{2}[\s./-]?\d{6,7}|80[03][\s./-]?\d{3}[\s./-]?\d{3})\b|\b1-?800|\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b/;
// Telling the citizen to go to another channel: the PA guides' "reindirizzamento ai canali di assistenza"
const SEND_ELSEWHERE =
  /\b(numero verde|scriv(a|ere|eteci|ici|i) (a|all'|una mail|in privato|in dm)|ci scriva|contatt(i|are|ateci|arci|a)|chiam(i|are|ate)|telefon(i|are)|si rivolga|rivolger(si|ti)|rivolgiti|puo rivolgersi|visit(i|are) (il|la) (sito|pagina)|consult(i|are)|compil(i|are) (il|apposito) modulo|modulo online|form online|in privato|messaggio privato|please (contact|call|email|visit|dm|reach)|contact (us|the)|call (us|the|311)|email us|dm us|send us a (dm|message)|reach out to|via the app|fill (in|out) the form|visit (our|the) (website|site|page))\b/;
const CHANNEL = /\b(urp|sportello|ufficio relazioni con il pubblico|app|sito|portale|pagina|website|helpline|hotline|311|help desk)\b/;
const ACKNOWLEDGE =
  /\b(grazie (della|per la|per questa|per averci fatto|per aver) segnala|grazie per (averci )?segnalat|abbiamo (inoltrato|girato|trasmesso|segnalato|preso in carico|avvisato|informato)|inoltr(eremo|iamo|ato|ata)|girat[oa] (all|agli|al)|verificheremo|stiamo verificando|provvederemo|interverremo|(pres[oa]) in carico|ci scusiamo per il disagio|ce ne occupiamo|ne parleremo|segnaleremo|thanks for (reporting|letting us know|flagging|the report)|we('ve| have) (passed|forwarded|logged|reported|notified)|we('ll| will) (look into|check|pass|forward|follow up)|looking into (it|this)|passed (this|it) on)\b/;

/** How an organisation's reply treats the citizen: answers, sends elsewhere, or takes note. */
export function classifyReply(text: string): ReplyType {
  const lower = foldText(text);
  if (SEND_ELSEWHERE.test(lower) || URL.test(lower) || EMAIL.test(lower) || PHONE.test(text)) return "redirect";
  if (ACKNOWLEDGE.test(lower)) return "acknowledgement";
  if (CHANNEL.test(lower)) return "redirect";
  return "answer";
}

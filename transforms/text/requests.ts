import {foldText, RULES} from "./rules.ts";
import type {Lang, ReplyType} from "./types.ts";

// Patterns here run on foldText's output: lower case, no accents.
// A sentence opening with an interrogative, or a request for information anywhere.
const ASKS = {
  it: /(^|[.!?\n]\s*|,\s*)(come|quando|dove|perche|chi|quale|quali|quanto|quanta|quanti|quante|cosa|che cosa|a che ora|in che modo|sapete|potete|potreste|posso|si puo|e possibile|c'e)\b|\b(qualcuno sa|qualcuno mi sa|sapete se|vorrei sapere|vorrei chiedere|volevo sapere|mi sapete dire|potete dirmi|chiedo info|cerco informazioni|info su|informazioni su|a chi devo rivolgermi|a chi mi devo rivolgere|a chi rivolgersi|come faccio|come si fa|si puo sapere)\b/,
  en: /(^|[.!?\n]\s*)(how|when|where|why|who|which|what|is|are|can|could|does|do|will|should|would|any)\b|\b(does anyone know|anyone know|i'd like to know|i would like to know|wondering (if|whether|how|when)|can someone tell|please advise)\b/
};

const COMPLAINT = {
  it: /\b(buca|buche|voragine|lampion[ei] spent|spent[oaie] da|non (e stat[oaie] |sono stat[ie] )?raccolt|rifiuti abbandonat|da (giorni|settimane|mesi|anni)|da (due|tre|quattro|cinque|sei|\d+) (giorni|settimane|mesi|anni)|ancora (una volta|niente|nulla|nessun|senza|chius|rott|spent|in ritardo)|di nuovo|ennesim[oa]|nessuno (interviene|fa|risponde|ripara|pulisce|passa)|nessuna risposta|segnalo|segnalat[oaie]|segnalazione|vergogna|disservizi|non funziona|non funzionano|non passa|non e passat|in ritardo|soppress[oaie]|guast[oi]|rott[oaie]|allagat|intasat|degrado|sporc|perdita d'acqua|senza (acqua|luce|corrente|riscaldamento)|pericolant|inagibil|abbandonat|non (si )?(puo|possiamo) (piu )?(andare|vivere|continuare)|basta)\b/,
  en: /\b(pothole|broken|not working|doesn't work|hasn't been|haven't been|for (days|weeks|months)|still (no|not|waiting|broken)|nobody|no one (answers|cares|came)|out for|reporting|report a|flooded|overflowing|delayed|cancell?ed|late again|unacceptable|fix (the|this|it))\b/
};

/** Asks something: a question mark that is not rhetorical, an interrogative opening, a request for information. */
export function isQuestion(text: string, lang: Lang, {folded}: {folded?: string} = {}): boolean {
  const lower = folded ?? foldText(text);
  const rules = RULES[lang === "en" ? "en" : "it"];
  if (rules.rhetorical.test(lower) || /\?\s*\?|\?!|!\?/.test(lower)) return false;
  if (lower.includes("?")) return true;
  // "Come si fa a lasciare una scuola senza riscaldamento!" exclaims rather than asks
  if (/!\s*$/.test(lower)) return false;
  return ASKS[lang === "en" ? "en" : "it"].test(lower);
}

/** Reports a problem ("segnalazione") or complains; a negative sentiment counts as a complaint. */
export function isComplaint(
  text: string,
  lang: Lang,
  {negative = false, folded}: {negative?: boolean; folded?: string} = {}
): boolean {
  if (negative) return true;
  const lower = folded ?? foldText(text);
  return COMPLAINT.it.test(lower) || (lang !== "it" && COMPLAINT.en.test(lower));
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

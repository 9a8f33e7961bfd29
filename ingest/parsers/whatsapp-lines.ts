/** The line grammar of WhatsApp's "Export chat" text, Android and iOS, Italian and English phones (pure). */

/** The head of a message line, before the sender: date, time, optional AM/PM. */
export interface Stamp {
  date: string;
  time: string;
  ampm: string | null;
  /** What follows the stamp: `Sender: text`, or a system notice. */
  rest: string;
}

const marks = /[\u200e\u200f\u202a-\u202e\ufeff]/g;
const date = String.raw`(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})`;
const time = String.raw`(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)(?:[ \u00a0\u202f]?([ap]\.? ?m\.?))?`;
// Android `12/03/24, 10:15 - Nome: testo`; iOS `[12/03/24, 10:15:07] Nome: testo`
const android = new RegExp(String.raw`^${date},? ${time} - ([\s\S]*)$`, "i");
const ios = new RegExp(String.raw`^\[${date},? ${time}\] ([\s\S]*)$`, "i");

/** The stamp of a line that starts a message or notice, or null for a continuation line. */
export function parseStamp(line: string): Stamp | null {
  const text = line.replace(/^[\u200e\u200f\ufeff]+/, "").replace(/[\u00a0\u202f]/g, " ");
  const m = android.exec(text) ?? ios.exec(text);
  if (!m) return null;
  return {date: m[1]!, time: m[2]!, ampm: m[3] ? m[3].replace(/[.\s]/g, "").toUpperCase() : null, rest: m[4]!};
}

// Notices written as if someone said them ("Mario ha aggiunto Anna", "Mario added Anna")
const systemActor = / (ha|hai|è|sei|si è) (aggiunto|rimosso|creato|cambiato|modificato|eliminato|impostato|abbandonato|entrat[oa]|uscit[oa]|unit[oa]|stat[oa])\b| (added|removed|created|changed|left|joined|deleted|set|turned)\b/i;
const systemText = /crittografat[ie] end-to-end|end-to-end encrypted|codice di sicurezza|security code|account business|business account|messaggi effimeri|disappearing messages/i;

/** Sender and text of a message, or null for a system notice (no `Sender:`, or a known notice). */
export function splitSender(rest: string): {sender: string; text: string} | null {
  const m = /^([^\n]+?):(?: ([\s\S]*))?$/.exec(rest);
  if (!m || systemActor.test(` ${m[1]}`) || systemText.test(m[1]!)) return null;
  const text = m[2] ?? "";
  // iOS files its notices under the chat's name with the text led by U+200E
  if (/^\u200e/.test(text) && systemText.test(text)) return null;
  return {sender: m[1]!.replace(marks, "").replace(/^~\s*/, "").trim(), text};
}

const mediaLine = [
  /^<media omess[io]>$/i,
  /^<media omitted>$/i,
  /^<(?:allegato|attached): [^>]+>/i,
  /^\S+\.\w{2,4} \((?:file allegato|file attached)\)/i,
  /(?:^|\s)(?:immagine|video|audio|sticker|gif|documento|scheda contatto|contatto) omess[oaie]$/i,
  /(?:^|\s)(?:image|video|audio|sticker|gif|document|contact card) omitted$/i
];
const deleted = /^(questo messaggio è stato eliminato|hai eliminato questo messaggio|this message was deleted|you deleted this message)\.?$/i;
const edited = /\s*<(questo messaggio è stato modificato|this message was edited)>\s*$/i;

/** The message's own text, whether it carried media, and whether it is a deletion notice. */
export function messageBody(raw: string): {text: string | null; media: boolean; deleted: boolean} {
  const text = raw.replace(marks, "").replace(edited, "");
  if (deleted.test(text.trim())) return {text: null, media: false, deleted: true};
  const [first = "", ...more] = text.split("\n");
  const marker = mediaLine.map((pattern) => pattern.exec(first.trim())).find(Boolean);
  if (!marker) return {text: text.trim() || null, media: false, deleted: false};
  // an attachment line names the file; the caption, if any, follows it
  const caption = [first.trim().replace(marker[0], "").trim(), ...more].join("\n").trim();
  return {text: caption || null, media: true, deleted: false};
}

/** Whether a sender, as shown, is a phone number (a contact not in the address book). */
export function isPhoneNumber(sender: string): boolean {
  return /^\+?[\d\s().-]{6,}$/.test(sender) && sender.replace(/\D/g, "").length >= 7;
}

/**
 * The Snowball Italian stemmer (snowballstem.org/algorithms/italian), written from the published
 * algorithm. Stems are what the sentiment lexicon and the topic taxonomy match on, so that
 * bello/bella/belli/belle and funziona/funzionano/funzionare meet.
 */

const VOWELS = new Set("aeiouàèìòù");
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c);

// Longest first, so the first hit is the longest suffix.
const byLength = (list: string) => list.split(" ").sort((a, b) => b.length - a.length);

const PRONOUNS = byLength(
  "ci gli la le li lo mi ne si ti vi sene gliela gliele glieli glielo gliene mela mele meli melo mene " +
    "tela tele teli telo tene cela cele celi celo cene vela vele veli velo vene"
);
const STEP1 = byLength(
  "anza anze ico ici ica ice iche ichi ismo ismi abile abili ibile ibili ista iste isti istà istè istì " +
    "oso osi osa ose mente atrice atrici ante anti azione azioni atore atori logia logie uzione uzioni " +
    "usione usioni enza enze amento amenti imento imenti amente ità ivo ivi iva ive"
);
const VERBS = byLength(
  "ammo ando ano are arono asse assero assi assimo ata ate ati ato ava avamo avano avate avi avo emmo " +
    "enda ende endi endo erà erai eranno ere erebbe erebbero erei eremmo eremo ereste eresti erete erò " +
    "erono essero ete eva evamo evano evate evi evo Yamo iamo immo irà irai iranno ire irebbe irebbero " +
    "irei iremmo iremo ireste iresti irete irò irono isca iscano isce isci isco iscono issero ita ite iti " +
    "ito iva ivamo ivano ivate ivi ivo ono uta ute uti uto ar ir"
).map((s) => s.replace("Y", "i"));

const ACUTE: Record<string, string> = {á: "à", é: "è", í: "ì", ó: "ò", ú: "ù"};

/** Where R1 (or R2, from `from`) starts: after the first non-vowel that follows a vowel. */
function region(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++) if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
  return word.length;
}

function regionV(word: string): number {
  if (word.length < 2) return word.length;
  if (!isVowel(word[1])) {
    for (let i = 2; i < word.length; i++) if (isVowel(word[i])) return i + 1;
    return word.length;
  }
  if (isVowel(word[0])) {
    for (let i = 2; i < word.length; i++) if (!isVowel(word[i])) return i + 1;
    return word.length;
  }
  return 3;
}

const findSuffix = (word: string, list: string[]) => list.find((s) => word.endsWith(s));

function step1(w: string, rv: number, r1: number, r2: number): string | null {
  const s = findSuffix(w, STEP1);
  if (!s) return null;
  const at = w.length - s.length;
  const cut = (n: number) => w.slice(0, n);
  if (s === "amento" || s === "amenti" || s === "imento" || s === "imenti") return at >= rv ? cut(at) : null;
  if (s === "amente") {
    if (at < r1) return null;
    let v = cut(at);
    if (v.endsWith("iv") && v.length - 2 >= r2) {
      v = v.slice(0, -2);
      if (v.endsWith("at") && v.length - 2 >= r2) v = v.slice(0, -2);
    } else {
      const p = ["os", "ic", "abil"].find((x) => v.endsWith(x));
      if (p && v.length - p.length >= r2) v = v.slice(0, -p.length);
    }
    return v;
  }
  if (at < r2) return null;
  let v = cut(at);
  if (s.startsWith("azion") || s.startsWith("ator") || s.startsWith("atric")) {
    if (v.endsWith("ic") && v.length - 2 >= r2) v = v.slice(0, -2);
  } else if (s === "logia" || s === "logie") v += "log";
  else if (s.startsWith("uzion") || s.startsWith("usion")) v += "u";
  else if (s === "enza" || s === "enze") v += "ente";
  else if (s === "ità") {
    const p = ["abil", "ic", "iv"].find((x) => v.endsWith(x));
    if (p && v.length - p.length >= r2) v = v.slice(0, -p.length);
  } else if (s === "ivo" || s === "ivi" || s === "iva" || s === "ive") {
    if (v.endsWith("at") && v.length - 2 >= r2) {
      v = v.slice(0, -2);
      if (v.endsWith("ic") && v.length - 2 >= r2) v = v.slice(0, -2);
    }
  }
  return v;
}

/** The Snowball Italian stem of one lower-case word. */
export function stemIt(input: string): string {
  let w = input.replace(/[áéíóú]/g, (c) => ACUTE[c] ?? c).replace(/qu/g, "qU");
  // i and u between vowels are consonants: marked upper case, which isVowel does not know
  w = w.replace(/(?<=[aeiouàèìòù])([iu])(?=[aeiouàèìòù])/g, (c) => c.toUpperCase());
  if (w.length < 3) return w.toLowerCase();
  const rv = regionV(w);
  const r1 = region(w, 0);
  const r2 = region(w, r1);

  const pronoun = findSuffix(w, PRONOUNS);
  if (pronoun && w.length - pronoun.length >= rv) {
    const before = w.slice(0, -pronoun.length);
    if (/(ando|endo)$/.test(before) && before.length - 4 >= rv) w = before;
    else if (/(ar|er|ir)$/.test(before) && before.length - 2 >= rv) w = before + "e";
  }

  const afterStep1 = step1(w, rv, r1, r2);
  if (afterStep1 !== null) w = afterStep1;
  else {
    const verb = findSuffix(w, VERBS);
    if (verb && w.length - verb.length >= rv) w = w.slice(0, -verb.length);
  }

  if (/[aeioàèìò]$/.test(w) && w.length - 1 >= rv) {
    w = w.slice(0, -1);
    if (w.endsWith("i") && w.length - 1 >= rv) w = w.slice(0, -1);
  }
  if (/(ch|gh)$/.test(w) && w.length - 2 >= rv) w = w.slice(0, -1);
  return w.toLowerCase();
}

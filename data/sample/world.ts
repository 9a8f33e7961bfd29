/** The simulated six months: the comuni's posts, citizens' comments, answers and engagement. */
import {comuni, electoralPeriods, type ComuneSpec, type SamplePlatform} from "./comuni.ts";
import {drawCitizens, type Person} from "./people.ts";
import {random, type Random} from "./random.ts";
import {fill, typo} from "./fill.ts";
import {commentTemplates, ownReplyTemplates, citizenReplyTemplates, postTemplates, type CommentIntent, type Topic} from "./texts.ts";
import {dateMs, day, fromRome, hour, romeParts} from "./time.ts";
import {addOddities, assignIds} from "./ids.ts";

export interface Message {
  key: string;
  id: string;
  at: number;
  /** null: the comune itself. */
  author: Person | null;
  text: string;
  likes: number;
  intent: CommentIntent | "answer" | "reply";
  parent: Message | null;
  children: Message[];
  /** Removed before any export: its replies point to a parent no file holds. */
  gone: boolean;
}

export interface Post {
  key: string;
  id: string;
  platform: SamplePlatform;
  at: number;
  /** null: the comune itself; a citizen for campaign posts found by hashtag search. */
  author: Person | null;
  topic: Topic;
  text: string;
  media: "photo" | "video" | "link" | "text" | "carousel";
  link: string | null;
  /** Engagement reached in the long run; exports read a share of it that grows with the post's age. */
  final: {likes: number; shares: number; views: number; reach: number};
  comments: Message[];
}

export interface ComuneWorld {
  spec: ComuneSpec;
  citizens: Person[];
  posts: Post[];
}

export interface World {
  seed: number;
  scale: number;
  start: number;
  /** The day every export was taken (the later snapshot). */
  exportAt: number;
  /** The earlier Meta Graph snapshot. */
  snapshotAt: number;
  comuni: ComuneWorld[];
}

export const sampleStart = dateMs("2025-01-01");
export const sampleExportAt = Date.parse("2025-06-30T21:30:00Z");
export const sampleSnapshotAt = Date.parse("2025-06-15T18:00:00Z");

/** Value of an engagement counter at time `t` for an item created at `at`: fast rise, slow tail. */
export function countAt(final: number, at: number, t: number): number {
  const age = Math.max(0, t - at);
  return Math.round(final * (0.88 * (1 - Math.exp(-age / (20 * hour))) + 0.12 * Math.min(1, age / (60 * day))));
}

export function buildWorld({seed = 20250630, scale = 1}: {seed?: number; scale?: number} = {}): World {
  const root = random(seed);
  const world: World = {
    seed, scale, start: sampleStart, exportAt: sampleExportAt, snapshotAt: sampleSnapshotAt,
    comuni: comuni.map((spec) => simulateComune(root.fork(spec.entity_id), spec, scale))
  };
  assignIds(world, root.fork("ids"));
  addOddities(world, root.fork("oddities"));
  return world;
}

const baseLikes: Record<string, number> = {
  "borgoverde:facebook": 60, "borgoverde:x": 12, "borgoverde:instagram": 150, "borgoverde:telegram": 25,
  "borgoverde:youtube": 30, "borgoverde:tiktok": 120, "valdoria:facebook": 25, "valdoria:x": 4,
  "valdoria:instagram": 40, "roccamonte:facebook": 15, "roccamonte:x": 2
};

function simulateComune(rnd: Random, spec: ComuneSpec, scale: number): ComuneWorld {
  const citizens = drawCitizens(rnd.fork("citizens"), spec.town, spec.citizens);
  if (spec.entity_id === "borgoverde") citizens[3]!.deleted = true;
  const posts: Post[] = [];
  const postRnd = rnd.fork("posts");
  for (let t = sampleStart; t < sampleExportAt; t += day) {
    const isoDay = new Date(t).toISOString().slice(0, 10);
    if (spec.silences.some(([from, to]) => isoDay >= from && isoDay <= to)) continue;
    for (const [platform, rate] of Object.entries(spec.postsPerDay) as Array<[SamplePlatform, number]>) {
      const n = postRnd.poisson(rate * scale * dayFactor(isoDay, spec));
      for (let i = 0; i < n; i++) {
        const at = fromRome(t + postRnd.weighted([[8, 2], [9, 4], [10, 4], [11, 3], [12, 2], [14, 1], [15, 2], [16, 2], [17, 2], [18, 2], [19, 1], [21, 1]]) * hour + postRnd.int(0, 59) * 60_000 + postRnd.int(0, 59) * 1000);
        if (at >= sampleExportAt) continue;
        posts.push(ownPost(postRnd, spec, platform, at, isoDay, posts.length));
      }
    }
    if (isoDay >= spec.campaign.start && spec.postsPerDay.x && postRnd.chance(campaignCitizenRate(isoDay, spec) * scale)) {
      posts.push(citizenCampaignPost(postRnd, spec, citizens, t, posts.length));
    }
  }
  const commentRnd = rnd.fork("comments");
  for (const post of posts) {
    const mean = spec.commentsPerPost[post.platform] ?? 0;
    if (mean === 0 || post.author) continue;
    post.comments = commentsFor(commentRnd, spec, post, citizens, mean);
  }
  posts.sort((a, b) => a.at - b.at);
  return {spec, citizens, posts};
}

function dayFactor(isoDay: string, spec: ComuneSpec): number {
  const weekday = new Date(`${isoDay}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? 0.45 : 1.15;
  const electoral = inElectoralPeriod(isoDay, spec) ? 0.6 : 1;
  return weekend * electoral;
}

export function inElectoralPeriod(isoDay: string, spec: ComuneSpec): boolean {
  return electoralPeriods.some((p) => (!p.entity_id || p.entity_id === spec.entity_id) && isoDay >= p.start && isoDay <= p.end);
}

function campaignCitizenRate(isoDay: string, spec: ComuneSpec): number {
  const size = spec.population > 100_000 ? 1 : spec.population > 10_000 ? 0.3 : 0.1;
  if (isoDay <= spec.campaign.end) return 0.9 * size;
  return isoDay <= addDays(spec.campaign.end, 30) ? 0.15 * size : 0;
}

function addDays(isoDay: string, n: number): string {
  return new Date(dateMs(isoDay) + n * day).toISOString().slice(0, 10);
}

function topicFor(rnd: Random, isoDay: string, spec: ComuneSpec): Topic {
  const month = Number(isoDay.slice(5, 7));
  const {start, end} = spec.campaign;
  const campaign = isoDay >= start && isoDay <= end ? 4 : isoDay > end && isoDay <= addDays(end, 21) ? 0.6 : 0;
  const electoral = inElectoralPeriod(isoDay, spec);
  const alert = ["2025-01-09", "2025-01-10", "2025-02-14", "2025-02-15", "2025-05-20", "2025-05-21", "2025-06-24"].includes(isoDay);
  return rnd.weighted<Topic>([
    ["traffico", 3], ["rifiuti", 2.5], ["eventi", electoral ? 0.3 : month === 6 ? 4 : 2.5], ["meteo", alert ? 12 : 0.6],
    ["scuola", month === 1 || month === 5 ? 3 : 1], ["tributi", month === 4 || month === 6 ? 3 : 0.8],
    ["anagrafe", 1.5], ["trasporti", 1.8], ["campagna", campaign], ["elezioni", electoral ? 2.5 : 0]
  ]);
}

function ownPost(rnd: Random, spec: ComuneSpec, platform: SamplePlatform, at: number, isoDay: string, n: number): Post {
  const topic = topicFor(rnd, isoDay, spec);
  let text = fill(rnd, rnd.pick(postTemplates[topic]), spec, isoDay, platform);
  if (topic === "meteo" && platform !== "x") text += "\n\nAggiornamenti sui canali ufficiali del Comune e su " + spec.website;
  if (topic === "rifiuti" && isoDay >= spec.campaign.start && isoDay <= addDays(spec.campaign.end, 10) && rnd.chance(0.5)) {
    text += ` #${spec.campaign.hashtag}`;
  }
  const media = platform === "youtube" || platform === "tiktok" ? "video"
    : platform === "instagram" ? rnd.weighted([["photo", 5], ["carousel", 2], ["video", 2]] as const)
    : text.includes("http") ? "link" : rnd.weighted([["photo", 3], ["text", 2], ["video", 0.3]] as const);
  const topicFactor = topic === "meteo" ? 2.2 : topic === "eventi" ? 1.5 : topic === "campagna" ? 1.3 : 1;
  const likes = Math.round((baseLikes[`${spec.entity_id}:${platform}`] ?? 5) * topicFactor * Math.exp(0.7 * (rnd.next() + rnd.next() - 1)));
  return {
    key: `${spec.entity_id}:${platform}:${n}`, id: "", platform, at, author: null, topic, text, media,
    link: text.match(/https?:\/\/\S+/)?.[0] ?? null,
    final: {likes, shares: Math.round(likes * (0.1 + rnd.next() * 0.3)), views: Math.round(likes * (40 + rnd.next() * 80)), reach: Math.round(likes * (25 + rnd.next() * 40))},
    comments: []
  };
}

function citizenCampaignPost(rnd: Random, spec: ComuneSpec, citizens: Person[], dayStart: number, n: number): Post {
  const author = pickCitizen(rnd, citizens, false);
  const text = rnd.pick([
    `Oggi prima volta all'isola ecologica, più semplice del previsto #${spec.campaign.hashtag}`,
    `Nel nostro condominio finalmente si differenzia sul serio ♻️ #${spec.campaign.hashtag}`,
    `#${spec.campaign.hashtag} bella iniziativa ma i cassonetti in ${rnd.pick(["via Roma", "via Verdi", "viale Europa"])} sono sempre pieni`,
    `I bambini sono tornati da scuola con il kit di #${spec.campaign.hashtag} e ora controllano tutti i nostri sacchi 😂`,
    `Ancora #${spec.campaign.hashtag}? Ma non era finita a fine mese?`
  ]);
  const at = fromRome(dayStart + rnd.int(7, 22) * hour + rnd.int(0, 3599) * 1000);
  const likes = rnd.poisson(3);
  return {
    key: `${spec.entity_id}:x:c${n}`, id: "", platform: "x", at: Math.min(at, sampleExportAt - hour), author, topic: "campagna",
    text: typo(rnd, text, 0.2), media: "text", link: null, final: {likes, shares: rnd.poisson(0.4), views: likes * 30 + rnd.int(20, 200), reach: 0}, comments: []
  };
}

function pickCitizen(rnd: Random, citizens: Person[], allowDeleted: boolean): Person {
  for (;;) {
    const person = citizens[Math.min(citizens.length - 1, Math.floor(citizens.length * rnd.next() ** 2.2))]!;
    if (allowDeleted || !person.deleted) return person;
  }
}

const intentWeights: Record<Topic, Array<[CommentIntent, number]>> = {
  traffico: [["complaint", 3], ["irony", 2], ["question", 2], ["thanks", 1]],
  rifiuti: [["complaint", 3], ["question", 3], ["irony", 1], ["thanks", 1]],
  eventi: [["praise", 3], ["thanks", 1.5], ["tag", 2], ["question", 2]],
  meteo: [["thanks", 3], ["question", 2], ["complaint", 1]],
  scuola: [["question", 4], ["complaint", 1.5], ["thanks", 1]],
  tributi: [["question", 4], ["complaint", 2], ["irony", 1.2]],
  anagrafe: [["question", 4], ["complaint", 2], ["praise", 1]],
  trasporti: [["complaint", 4], ["question", 2], ["irony", 2]],
  campagna: [["praise", 3], ["tag", 2], ["irony", 1], ["question", 1]],
  elezioni: [["question", 3], ["thanks", 1]]
};

function commentsFor(rnd: Random, spec: ComuneSpec, post: Post, citizens: Person[], mean: number): Message[] {
  const topicFactor = post.topic === "meteo" || post.topic === "traffico" ? 1.4 : post.topic === "elezioni" ? 0.5 : 1;
  const n = Math.min(80, rnd.poisson(mean * topicFactor * (0.4 + rnd.next() * 1.2)));
  const allowDeleted = post.platform === "facebook";
  const comments: Message[] = [];
  for (let i = 0; i < n; i++) {
    const at = post.at + 60_000 + (rnd.chance(0.88) ? rnd.exp(4 * hour) : rnd.exp(2.5 * day));
    if (at >= sampleExportAt) continue;
    const intent = rnd.weighted<CommentIntent>([...intentWeights[post.topic], ["emoji", 0.8], ["offtopic", 0.6], ["thanks", 0.5]]);
    const author = pickCitizen(rnd, citizens, allowDeleted);
    const comment = message(`${post.key}:${i}`, at, author, citizenText(rnd, spec, post, intent, citizens), intent, null, rnd);
    comments.push(comment);
    answer(rnd, spec, post, comment, citizens);
  }
  return comments;
}

function citizenText(rnd: Random, spec: ComuneSpec, post: Post, intent: CommentIntent, citizens: Person[]): string {
  const friend = pickCitizen(rnd, citizens, false);
  const template = rnd.pick(commentTemplates[intent]);
  const name = post.platform === "facebook" ? friend.name : friend.handle;
  let text = fill(rnd, template.replace("@{friend}", post.platform === "facebook" ? name : `@${name}`), spec, null, post.platform);
  if (post.topic === "campagna" && rnd.chance(0.2)) text += ` #${spec.campaign.hashtag}`;
  return intent === "emoji" ? text : typo(rnd, text, 0.3);
}

function message(key: string, at: number, author: Person | null, text: string, intent: Message["intent"], parent: Message | null, rnd: Random): Message {
  const likes = author ? rnd.poisson(intent === "irony" || intent === "complaint" ? 4 : 1.2) : rnd.poisson(2);
  const m: Message = {key, id: "", at: Math.round(at / 1000) * 1000, author, text, likes, intent, parent, children: [], gone: false};
  parent?.children.push(m);
  return m;
}

/** The comune's answer (or not), citizens chiming in, and the asker coming back. */
function answer(rnd: Random, spec: ComuneSpec, post: Post, comment: Message, citizens: Person[]): void {
  const intent = comment.intent;
  const wantsAnswer = intent === "question" || intent === "complaint";
  if ((wantsAnswer && rnd.chance(spec.answerRate)) || ((intent === "praise" || intent === "thanks") && rnd.chance(0.1))) {
    const kind = intent === "question" ? rnd.pick(["answer", "redirect"] as const)
      : intent === "complaint" ? rnd.weighted([["acknowledge", 3], ["redirect", 2]] as const) : "thanks";
    const at = answerTime(rnd, comment.at);
    if (at < sampleExportAt) {
      const reply = message(`${comment.key}:a`, at, null, fill(rnd, rnd.pick(ownReplyTemplates[kind]), spec, null, post.platform), "answer", comment, rnd);
      if (rnd.chance(0.2)) {
        const back = reply.at + rnd.exp(5 * hour);
        const text = rnd.pick(["Grazie!", "Grazie mille per la risposta", "Ancora niente però...", "Ok grazie, provo a chiamare", "Ma l'ho già fatto due settimane fa 😒"]);
        if (back < sampleExportAt) message(`${comment.key}:b`, back, comment.author, typo(rnd, text, 0.3), "reply", reply, rnd);
      }
    }
  }
  if (rnd.chance(0.15)) {
    const at = comment.at + rnd.exp(2 * hour);
    const other = pickCitizen(rnd, citizens, post.platform === "facebook");
    if (at < sampleExportAt && other !== comment.author) {
      message(`${comment.key}:c`, at, other, typo(rnd, rnd.pick(citizenReplyTemplates), 0.3), "reply", comment, rnd);
    }
  }
}

/** Mostly within office hours (Mon–Fri 9–13), sometimes in the evening, sometimes days later. */
function answerTime(rnd: Random, asked: number): number {
  const mode = rnd.weighted([["office", 0.72], ["evening", 0.13], ["late", 0.15]] as const);
  if (mode === "evening") return asked + 20 * 60_000 + rnd.exp(3 * hour);
  let t = asked + (mode === "late" ? rnd.int(2, 6) * day : 10 * 60_000 + rnd.exp(hour));
  for (let guard = 0; guard < 14; guard++) {
    const {weekday, hour: h} = romeParts(t);
    if (weekday <= 5 && h >= 9 && h < 13) return t;
    const {isoDay} = romeParts(t);
    const nextOpening = fromRome(dateMs(isoDay) + (h < 9 ? 0 : day) + 9 * hour);
    t = nextOpening + rnd.exp(50 * 60_000);
  }
  return t;
}

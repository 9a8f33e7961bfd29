/** Platform ids in each platform's own shape, fixed by the seed; plus the deliberate oddities. */
import type {Random} from "./random.ts";
import type {Message, Post, World} from "./world.ts";

const twitterEpoch = 1288834974657n;

/** X snowflake: milliseconds since X's epoch, then 22 bits of worker and sequence. */
export function snowflake(rnd: Random, at: number): string {
  return ((BigInt(at) - twitterEpoch) << 22n | BigInt(rnd.int(0, 4_194_303))).toString();
}

/** TikTok ids also start with the creation second. */
function tiktokId(rnd: Random, at: number): string {
  return ((BigInt(Math.floor(at / 1000)) << 32n) | BigInt(rnd.int(0, 4_294_967_295))).toString();
}

export function assignIds(world: World, rnd: Random): void {
  for (const comune of world.comuni) {
    const accounts = comune.spec.accounts;
    let telegram = 1043;
    for (const post of comune.posts) {
      const r = rnd.fork(post.key);
      switch (post.platform) {
        case "x":
          post.id = snowflake(r, post.at);
          walk(post.comments, (m) => (m.id = snowflake(r, m.at)));
          break;
        case "facebook": {
          const postNum = `122${r.digits(15)}`;
          post.id = `${accounts.facebook.id}_${postNum}`;
          walk(post.comments, (m) => (m.id = `${postNum}_${r.digits(r.chance(0.5) ? 15 : 16)}`));
          break;
        }
        case "instagram":
          post.id = `18${r.digits(15)}`;
          walk(post.comments, (m) => (m.id = `1${r.chance(0.5) ? 7 : 8}${r.digits(15)}`));
          break;
        case "youtube":
          post.id = r.chars(11);
          walk(post.comments, (m) => (m.id = m.parent ? `${rootOf(m).id}.${r.chars(22)}` : `Ug${r.pick(["w", "x", "y", "z"])}${r.chars(19)}4AaABAg`));
          break;
        case "tiktok":
          post.id = tiktokId(r, post.at);
          break;
        case "telegram":
          post.id = String(telegram);
          telegram += r.chance(0.1) ? 2 : 1; // a deleted message leaves a gap
          break;
      }
    }
  }
}

export function walk(messages: Message[], visit: (m: Message) => void): void {
  for (const m of messages) {
    visit(m);
    walk(m.children, visit);
  }
}

/** All messages under a post, depth first, in creation order of the thread. */
export function allMessages(post: Post): Message[] {
  const out: Message[] = [];
  walk(post.comments, (m) => out.push(m));
  return out;
}

export function rootOf(m: Message): Message {
  return m.parent ? rootOf(m.parent) : m;
}

/**
 * The cases a parser must survive: a comment whose author deleted the account (people.ts), a script tag
 * that must stay inert text, and on X a reply whose parent was deleted before any export.
 */
export function addOddities(world: World, rnd: Random): void {
  const borgoverde = world.comuni.find((c) => c.spec.entity_id === "borgoverde");
  if (!borgoverde) return;
  // a lively YouTube thread: more replies than commentThreads embeds (five)
  const video = borgoverde.posts.filter((p) => p.platform === "youtube" && p.comments.length).sort((a, b) => b.comments.length - a.comments.length)[0];
  const top = video?.comments[0];
  if (top) {
    const texts = ["Concordo", "Anche secondo me", "Ma dove l'hai letto?", "Sul sito c'è scritto diverso", "Grazie per la spiegazione", "Io ci sono stato, confermo", "👍"];
    texts.forEach((text, i) => {
      const person = borgoverde.citizens[10 + i]!;
      const reply: Message = {key: `${top.key}:yt${i}`, id: `${top.id}.${rnd.chars(22)}`, at: top.at + (i + 1) * 1_800_000, author: person,
        text, likes: i % 3, intent: "reply", parent: top, children: [], gone: false};
      if (reply.at < world.exportAt) top.children.push(reply);
    });
  }
  const facebook = borgoverde.posts.filter((p) => p.platform === "facebook" && p.comments.length > 0);
  const target = facebook[Math.floor(facebook.length / 3)]?.comments[0];
  if (target) target.text = `<script>alert(1)</script> ma il sito del comune funziona? "prenota" non va & nemmeno l'app`;
  const x = borgoverde.posts.filter((p) => p.platform === "x").flatMap((p) => p.comments);
  const gone = x.find((m) => m.author && !m.author.deleted && m.children.some((c) => c.author));
  if (gone) gone.gone = true;
}

// Generated exports for the reliability tests and bench/large-ingest.ts: true shapes, synthetic content.
import {createWriteStream, mkdirSync, writeFileSync} from "node:fs";
import {once} from "node:events";
import {join} from "node:path";
import {crc32, deflateRawSync} from "node:zlib";

const firstId = 1_800_000_000_000_000_000n;

/** One twarc2 stream line (`twarc2 filter`): a v2 tweet with its author, as twarc writes it. */
export function twarcLine(n: number, {at = Date.UTC(2025, 4, 1) + n * 1000, text}: {at?: number; text?: string} = {}): string {
  const id = String(firstId + BigInt(n));
  const author = String(1_500_000_000 + (n % 5000));
  return JSON.stringify({
    data: {
      id, text: text ?? `segnalazione ${n}: lampione spento in via Roma #lampioni`, author_id: author,
      created_at: new Date(at).toISOString(), conversation_id: id, edit_history_tweet_ids: [id], lang: "it",
      entities: {hashtags: [{start: 0, end: 9, tag: "lampioni"}]},
      public_metrics: {retweet_count: n % 3, reply_count: 0, like_count: n % 7, quote_count: 0, bookmark_count: 0, impression_count: n % 100}
    },
    includes: {users: [{id: author, username: `utente_${n % 5000}`, name: `Utente ${n % 5000}`, public_metrics: {followers_count: 10}}]},
    __twarc: {url: "https://api.twitter.com/2/tweets/search/stream", version: "2.14.0", retrieved_at: new Date(at + 2000).toISOString()}
  });
}

/** Writes `count` twarc2 stream lines to `path`, streaming (constant memory whatever the count). */
export async function writeTwarcStream(path: string, count: number, {from = 0} = {}): Promise<void> {
  const out = createWriteStream(path);
  for (let n = from; n < from + count; n++) {
    if (!out.write(twarcLine(n) + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/** An X account archive folder (data/account.js + data/tweets.js) with `count` tweets. */
export async function writeXArchive(dir: string, count: number, {texts}: {texts?: string[]} = {}): Promise<void> {
  mkdirSync(join(dir, "data"), {recursive: true});
  writeFileSync(join(dir, "data", "account.js"), `window.YTD.account.part0 = ${JSON.stringify([{account: {
    accountId: "1111111111", username: "ComuneDiEsempio", accountDisplayName: "Comune di Esempio", createdAt: "2012-01-01T00:00:00.000Z"
  }}])}`);
  const out = createWriteStream(join(dir, "data", "tweets.js"));
  out.write("window.YTD.tweets.part0 = [\n");
  const total = texts?.length ?? count;
  for (let n = 0; n < total; n++) {
    const id = String(firstId + BigInt(n));
    const tweet = {tweet: {
      id_str: id, id, full_text: texts?.[n] ?? `Avviso ${n}: chiusura di via Roma per lavori`, lang: "it",
      created_at: twitterDate(Date.UTC(2024, 0, 1) + n * 60_000), favorite_count: String(n % 9), retweet_count: "0",
      entities: {hashtags: [], user_mentions: [], urls: []}, truncated: false, source: "web"
    }};
    if (!out.write(`${n ? ",\n" : ""}${JSON.stringify(tweet)}`)) await once(out, "drain");
  }
  out.end("\n]");
  await once(out, "finish");
}

function twitterDate(ms: number): string {
  // "Wed Oct 10 20:19:24 +0000 2018"
  const d = new Date(ms).toUTCString().split(" ");
  return `${d[0]!.slice(0, 3)} ${d[2]} ${d[1]} ${d[4]} +0000 ${d[3]}`;
}

export interface ZipMember {
  name: string;
  data: Buffer;
  deflate?: boolean;
  /** Lie about the unpacked size in the headers (a crafted bomb). */
  declaredSize?: number;
}

/** A zip archive built byte by byte, so tests can craft what no well-behaved tool writes. */
export function makeZip(members: ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const name = Buffer.from(member.name, "utf8");
    const body = member.deflate ? deflateRawSync(member.data) : member.data;
    const size = member.declaredSize ?? member.data.length;
    const crc = crc32(member.data);
    const method = member.deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x5a210000, 10); // a fixed DOS time and date (2025)
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0x5a210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

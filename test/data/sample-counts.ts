/**
 * What the sample holds, counted straight from its files with JSON.parse and line splitting: the oracle
 * for the end-to-end test, independent of both the generator's counters and the parsers.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import yauzl from "yauzl";

type Json = Record<string, any>;
export type Tally = {items: Set<string>; comments: Set<string>; authors: Set<string>};

export interface SampleCounts {
  platforms: Record<string, Tally>;
  accountDaily: number;
  /** Facebook comments whose author deleted the account (no `from`). */
  fbCommentsWithoutAuthor: number;
  /** X replies whose parent is in no file. */
  xOrphanReplies: number;
  /** Facebook post id → reactions in the earlier and in the later Graph snapshot. */
  fbReactions: Map<string, {early?: number; late?: number}>;
  /** Business Suite rows, by their bare Post ID. */
  businessSuitePosts: number;
  files: string[];
}

export async function countSample(dir: string): Promise<SampleCounts> {
  const counts: SampleCounts = {platforms: {}, accountDaily: 0, fbCommentsWithoutAuthor: 0, xOrphanReplies: 0, fbReactions: new Map(), businessSuitePosts: 0, files: []};
  const tally = (platform: string) => (counts.platforms[platform] ??= {items: new Set(), comments: new Set(), authors: new Set()});
  const xParents: Array<[string, string]> = [];
  for (const path of walk(dir)) {
    const rel = relative(dir, path).split("\\").join("/");
    counts.files.push(rel);
    const text = () => readFileSync(path, "utf8").replace(/^\uFEFF/, "");
    if (rel.endsWith(".zip")) {
      const x = tally("x");
      for (const [name, body] of await unzip(path)) {
        const json = () => JSON.parse(body.replace(/^[^=]*=\s*/, "").replace(/;\s*$/, ""));
        if (name === "data/account.js") x.authors.add(json()[0].account.accountId);
        if (name !== "data/tweets.js") continue;
        for (const {tweet} of json() as Json[]) {
          x.items.add(tweet.id_str);
          if (tweet.in_reply_to_status_id_str) { x.comments.add(tweet.id_str); xParents.push([tweet.id_str, tweet.in_reply_to_status_id_str]); }
        }
      }
    } else if (/^x\/.*\/twarc2-.*\.jsonl$/.test(rel)) {
      const x = tally("x");
      for (const line of text().split("\n").filter(Boolean)) {
        const page = JSON.parse(line);
        for (const tweet of [...page.data, ...(page.includes?.tweets ?? [])] as Json[]) {
          x.items.add(tweet.id);
          x.authors.add(tweet.author_id);
          const parent = (tweet.referenced_tweets ?? []).find((r: Json) => r.type === "replied_to");
          if (parent) { x.comments.add(tweet.id); xParents.push([tweet.id, parent.id]); }
        }
        for (const user of page.includes?.users ?? []) x.authors.add(user.id);
      }
    } else if (/^x\/.*\.jsonl$/.test(rel)) {
      const x = tally("x");
      for (const line of text().split("\n").filter(Boolean)) {
        const status = JSON.parse(line); // bare numeric ids lose digits here: only *_str fields are read
        for (const s of [status, status.retweeted_status, status.quoted_status].filter(Boolean) as Json[]) {
          x.items.add(s.id_str);
          x.authors.add(s.user.id_str);
          if (s.in_reply_to_status_id_str) { x.comments.add(s.id_str); xParents.push([s.id_str, s.in_reply_to_status_id_str]); }
        }
      }
    } else if (rel.startsWith("meta-graph/facebook/")) {
      const fb = tally("facebook");
      const snapshot = rel.includes("/2025-06-15/") ? "early" : "late";
      for (const post of JSON.parse(text()).data as Json[]) {
        fb.items.add(post.id);
        fb.authors.add(post.from.id);
        counts.fbReactions.set(post.id, {...counts.fbReactions.get(post.id), [snapshot]: post.reactions.summary.total_count});
        for (const comment of post.comments?.data ?? []) {
          for (const c of [comment, ...(comment.comments?.data ?? [])] as Json[]) {
            fb.items.add(c.id);
            fb.comments.add(c.id);
            if (c.from) fb.authors.add(c.from.id);
            else if (snapshot === "late") counts.fbCommentsWithoutAuthor++;
          }
        }
      }
    } else if (rel.startsWith("meta-graph/instagram/")) {
      const ig = tally("instagram");
      for (const media of JSON.parse(text()).data as Json[]) {
        ig.items.add(media.id);
        ig.authors.add(media.owner.id);
        for (const comment of media.comments?.data ?? []) {
          for (const c of [comment, ...(comment.replies?.data ?? [])] as Json[]) {
            ig.items.add(c.id);
            ig.comments.add(c.id);
            ig.authors.add(c.from.id);
          }
        }
      }
    } else if (rel.endsWith("your_posts_1.json")) {
      // no ids in DYI: a record is one post, exact repeats are one
      for (const record of JSON.parse(text()) as Json[]) tally("facebook").items.add(`dyi:${JSON.stringify(record)}`);
    } else if (rel.endsWith("posts_1.json")) {
      for (const record of JSON.parse(text()) as Json[]) tally("instagram").items.add(`dyi:${JSON.stringify(record)}`);
    } else if (rel.endsWith("personal_information.json")) {
      tally("instagram").authors.add(JSON.parse(text()).profile_user[0].string_map_data.Username.value);
    } else if (rel.startsWith("meta-business-suite/")) {
      const [header, ...rows] = csvRows(text());
      const post = header!.findIndex((h) => /^(Post ID|ID post)$/.test(h));
      const page = header!.findIndex((h) => /^(Page ID|ID Pagina)$/.test(h));
      // the same post as in the Graph feed: Graph ids are <page id>_<post id>
      for (const row of rows) tally("facebook").items.add(`${row[page]}_${row[post]}`);
      counts.businessSuitePosts += rows.length;
    } else if (rel.startsWith("meta-insights/")) {
      counts.accountDaily += csvRows(text()).length - 2;
    } else if (rel.endsWith("user_data_tiktok.json")) {
      const json = JSON.parse(text());
      const tt = tally("tiktok");
      for (const video of json.Post.Posts.VideoList) tt.items.add(video.Link.match(/video\/(\d+)/)[1]);
      json.Comment.Comments.CommentsList.forEach((c: Json, i: number) => { tt.items.add(`comment:${i}`); tt.comments.add(`comment:${i}`); });
      tt.authors.add(json.Profile["Profile Info"].ProfileMap.userName);
    } else if (rel.startsWith("youtube/")) {
      const yt = tally("youtube");
      const json = JSON.parse(text());
      for (const item of json.items as Json[]) {
        if (item.kind === "youtube#video") { yt.items.add(item.id); yt.authors.add(item.snippet.channelId); continue; }
        const comments = item.kind === "youtube#comment" ? [item] : [item.snippet.topLevelComment, ...(item.replies?.comments ?? [])];
        for (const c of comments as Json[]) { yt.items.add(c.id); yt.comments.add(c.id); yt.authors.add(c.snippet.authorChannelId.value); }
      }
    } else if (rel.endsWith("result.json")) {
      const tg = tally("telegram");
      for (const m of JSON.parse(text()).messages as Json[]) if (m.type === "message") { tg.items.add(String(m.id)); tg.authors.add(m.from_id); }
    }
  }
  const xIds = tally("x").items;
  counts.xOrphanReplies = new Set(xParents.filter(([, parent]) => !xIds.has(parent)).map(([child]) => child)).size;
  return counts;
}

/** Rows of a CSV with quoted cells (the delimiter is whichever of `;` or `,` the header uses). */
export function csvRows(text: string): string[][] {
  const delimiter = (text.split("\n")[0]!.match(/;/g)?.length ?? 0) > 2 ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) { row.push(cell); cell = ""; }
    else if (c === "\n") { row.push(cell.replace(/\r$/, "")); rows.push(row); row = []; cell = ""; }
    else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

function unzip(path: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, string>();
    yauzl.open(path, {lazyEntries: true}, (error, zip) => {
      if (error || !zip) return reject(error);
      zip.on("entry", (entry: yauzl.Entry) => zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err);
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => { out.set(entry.fileName, Buffer.concat(chunks).toString("utf8")); zip.readEntry(); });
      }));
      zip.on("end", () => resolve(out));
      zip.readEntry();
    });
  });
}

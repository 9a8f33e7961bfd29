/** X account archive zip (2019+ layout): data/tweets.js, account.js, manifest.js, follower.js, README.txt. */
import {allMessages} from "./ids.ts";
import {authorId, type SampleFile, type WriteContext} from "./output.ts";
import type {ComuneWorld, Message, Post} from "./world.ts";
import {countAt} from "./world.ts";
import {bio} from "./comuni.ts";
import {isoZ, twitterDate} from "./time.ts";
import {xText} from "./x-shared.ts";
import {zip} from "./zip.ts";

const source = '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>';

export function writeXArchive(context: WriteContext, comune: ComuneWorld): SampleFile {
  const {spec} = comune;
  const {world} = context;
  const rnd = context.rnd.fork(`x-archive:${spec.entity_id}`);
  const own: Array<{post: Post; message: Message | null}> = [];
  for (const post of comune.posts.filter((p) => p.platform === "x" && !p.author)) {
    own.push({post, message: null});
    for (const m of allMessages(post)) if (!m.author && !m.gone) own.push({post, message: m});
  }
  own.sort((a, b) => (b.message ?? b.post).at - (a.message ?? a.post).at);
  const tweets = own.map(({post, message}) => {
    const at = message?.at ?? post.at;
    const id = message?.id ?? post.id;
    const parent = message ? message.parent : null;
    const replyToUser = message ? (parent ? parent.author : null) : null;
    const replyHandle = message && parent?.author ? parent.author.handle : message ? spec.accounts.x.handle : null;
    const x = xText(context.rnd.fork(`tco:${id}`), message?.text ?? post.text, replyHandle && parent?.author ? [replyHandle] : []);
    const likes = message ? countAt(message.likes, at, world.exportAt) : countAt(post.final.likes, at, world.exportAt);
    const shares = message ? 0 : countAt(post.final.shares, at, world.exportAt);
    const end = Array.from(x.text).length;
    const tweet: Record<string, unknown> = {
      edit_info: {initial: {editTweetIds: [id], editableUntil: isoZ(at + 3_600_000), editsRemaining: "5", isEditEligible: !message}},
      retweeted: false,
      source,
      entities: {
        hashtags: x.hashtags.map((h) => ({text: h.tag, indices: [String(h.start), String(h.end)]})),
        symbols: [],
        user_mentions: x.mentions.map((m) => ({
          name: m.username === parent?.author?.handle ? parent.author.name : m.username, screen_name: m.username,
          indices: [String(m.start), String(m.end)],
          id_str: parent?.author ? authorId(context, comune, parent.author, "x") : "0", id: parent?.author ? authorId(context, comune, parent.author, "x") : "0"
        })),
        urls: x.urls.map((u) => ({url: u.url, expanded_url: u.expanded_url, display_url: u.display_url, indices: [String(u.start), String(u.end)]}))
      },
      display_text_range: [String(x.mentions.length && message ? x.mentions[0]!.end + 1 : 0), String(end)],
      favorite_count: String(likes),
      id_str: id,
      truncated: false,
      retweet_count: String(shares),
      id,
      created_at: twitterDate(at),
      favorited: false,
      full_text: x.text,
      lang: "it"
    };
    if (message) {
      // a reply to our own post names our own account; to a citizen, the citizen
      const parentId = parent ? parent.id : post.id;
      const userId = replyToUser ? authorId(context, comune, replyToUser, "x") : spec.accounts.x.id;
      Object.assign(tweet, {
        in_reply_to_status_id_str: parentId, in_reply_to_user_id: userId, in_reply_to_status_id: parentId,
        in_reply_to_screen_name: replyToUser ? replyToUser.handle : spec.accounts.x.handle, in_reply_to_user_id_str: userId
      });
    }
    if (post.media === "photo" && !message) {
      const mediaId = `1${rnd.digits(18)}`;
      const media = {
        expanded_url: `https://x.com/${spec.accounts.x.handle}/status/${id}/photo/1`, indices: [String(end), String(end + 24)],
        url: `https://t.co/${rnd.chars(10)}`, media_url: `http://pbs.twimg.com/media/${rnd.chars(15)}.jpg`, id_str: mediaId, id: mediaId,
        media_url_https: `https://pbs.twimg.com/media/${rnd.chars(15)}.jpg`, type: "photo", display_url: "pic.x.com/" + rnd.chars(10)
      };
      (tweet.entities as Record<string, unknown>).media = [media];
      tweet.extended_entities = {media: [media]};
      tweet.full_text = `${x.text} ${media.url}`;
    }
    return {tweet};
  });
  const followers = Array.from({length: spec.accounts.x.followers}, () => {
    const accountId = rnd.chance(0.5) ? rnd.digits(rnd.int(8, 10)) : `1${rnd.digits(18)}`;
    return {follower: {accountId, userLink: `https://twitter.com/intent/user?user_id=${accountId}`}};
  });
  const account = [{account: {
    email: `comunicazione@${spec.website.replace(/^https:\/\/www\./, "")}`, createdVia: "web", username: spec.accounts.x.handle,
    accountId: spec.accounts.x.id, createdAt: spec.accounts.x.createdAt, accountDisplayName: spec.name
  }}];
  const dataType = (name: string, count: number) => ({files: [{fileName: `data/${name}.js`, globalName: `YTD.${name}.part0`, count: String(count)}]});
  const manifest = {
    userInfo: {accountId: spec.accounts.x.id, userName: spec.accounts.x.handle, displayName: spec.name},
    archiveInfo: {sizeBytes: "0", generationDate: "2025-06-30T21:10:03.000Z", isPartialArchive: false, maxPartSizeBytes: "53687091200"},
    readmeInfo: {fileName: "data/README.txt", directory: "data/", name: "README.txt"},
    dataTypes: {
      account: dataType("account", 1), follower: dataType("follower", followers.length), like: dataType("like", 0),
      tweets: {mediaDirectory: "data/tweets_media", ...dataType("tweets", tweets.length)}
    }
  };
  const js = (name: string, value: unknown) => `window.YTD.${name}.part0 = ${JSON.stringify(value, null, 2)}`;
  const data = zip([
    {name: "Your archive.html", data: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Your archive</title></head><body><p>${spec.name}: ${bio}</p></body></html>\n`},
    {name: "data/README.txt", data: `Archivio X di ${spec.name}.\n${bio}\nThis archive is synthetic test data for ascolto; it was not produced by X.\n`},
    {name: "data/manifest.js", data: `window.__THAR_CONFIG = ${JSON.stringify(manifest, null, 2)}`},
    {name: "data/account.js", data: js("account", account)},
    {name: "data/follower.js", data: js("follower", followers)},
    {name: "data/like.js", data: "window.YTD.like.part0 = [ ]"},
    {name: "data/tweets.js", data: js("tweets", tweets)}
  ]);
  const hash = rnd.chars(64, "0123456789abcdef");
  return {path: `x/${spec.entity_id}/twitter-2025-06-30-${hash}.zip`, data, format: "x-archive", platform: "x", entity: spec.entity_id};
}

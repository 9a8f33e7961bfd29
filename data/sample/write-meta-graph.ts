/** Meta Graph API responses: a Facebook Page's posts with comments and replies, Instagram media with comments. */
import {authorId, type SampleFile, type WriteContext} from "./output.ts";
import type {ComuneWorld, Message, Post} from "./world.ts";
import {countAt} from "./world.ts";
import {walk} from "./ids.ts";
import {graphDate} from "./time.ts";

const version = "v21.0";
const pageSize = 25;

/** One snapshot of a Page's feed, as pages of `/{page-id}/posts` with comments embedded. */
export function writeFacebookGraph(context: WriteContext, comune: ComuneWorld, at: number, label: string, {since = 0} = {}): SampleFile[] {
  const {spec} = comune;
  const page = spec.accounts.facebook;
  const posts = comune.posts.filter((p) => p.platform === "facebook" && p.at >= since && p.at <= at).sort((a, b) => b.at - a.at);
  const fields = "id,created_time,message,permalink_url,from,status_type,shares,reactions.summary(total_count).limit(0),comments.summary(true).limit(100){id,created_time,from,message,like_count,comment_count,comments{id,created_time,from,message,like_count,comment_count,parent{id}}}";
  const rnd = context.rnd.fork(`graph:${spec.entity_id}:${label}`);
  return chunks(posts, pageSize).map((list, index, all) => {
    const after = rnd.chars(40);
    const response = {
      data: list.map((post) => fbPost(context, comune, post, at)),
      paging: {
        cursors: {before: rnd.chars(40), after},
        ...(index + 1 < all.length ? {next: `https://graph.facebook.com/${version}/${page.id}/posts?fields=${encodeURIComponent(fields)}&limit=${pageSize}&after=${after}`} : {})
      }
    };
    return {
      path: `meta-graph/facebook/${spec.entity_id}/${label}/posts-${String(index + 1).padStart(2, "0")}.json`,
      data: JSON.stringify(response), format: "facebook-graph", platform: "facebook", entity: spec.entity_id
    };
  });
}

function fbPost(context: WriteContext, comune: ComuneWorld, post: Post, at: number) {
  const {spec} = comune;
  const postNum = post.id.split("_")[1]!;
  const visible = post.comments.filter((c) => c.at <= at);
  let total = 0;
  const comments = visible.map((c) => {
    const replies: Message[] = [];
    walk(c.children, (m) => { if (m.at <= at) replies.push(m); });
    replies.sort((a, b) => a.at - b.at);
    total += 1 + replies.length;
    return {
      ...fbComment(context, comune, c, at),
      comment_count: replies.length,
      ...(replies.length ? {comments: {data: replies.map((r) => ({...fbComment(context, comune, r, at), comment_count: 0, parent: {id: c.id}})), paging: cursors(context, r0(replies))}} : {})
    };
  });
  const shares = countAt(post.final.shares, post.at, at);
  return {
    id: post.id,
    created_time: graphDate(post.at),
    message: post.text,
    permalink_url: `https://www.facebook.com/${spec.accounts.facebook.id}/posts/${postNum}`,
    from: {name: spec.name, id: spec.accounts.facebook.id},
    status_type: post.media === "photo" ? "added_photos" : post.media === "link" ? "shared_story" : post.media === "video" ? "added_video" : "mobile_status_update",
    // Graph leaves `shares` out when nobody shared
    ...(shares > 0 ? {shares: {count: shares}} : {}),
    reactions: {data: [], summary: {total_count: countAt(post.final.likes, post.at, at), viewer_reaction: "NONE"}},
    comments: {data: comments, ...(comments.length ? {paging: cursors(context, post.id)} : {}), summary: {order: "chronological", total_count: total, can_comment: true}}
  };
}

const r0 = (list: Message[]) => list[0]!.id;

function cursors(context: WriteContext, key: string) {
  const rnd = context.rnd.fork(`cursor:${key}`);
  return {cursors: {before: rnd.chars(60), after: rnd.chars(60)}};
}

function fbComment(context: WriteContext, comune: ComuneWorld, m: Message, at: number) {
  const from = m.author?.deleted ? {} : {from: {name: m.author?.name ?? comune.spec.name, id: authorId(context, comune, m.author, "facebook")}};
  return {id: m.id, created_time: graphDate(m.at), ...from, message: m.text, like_count: countAt(m.likes, m.at, at)};
}

/** `/{ig-user-id}/media` with comments and replies embedded, as of the export. */
export function writeInstagramGraph(context: WriteContext, comune: ComuneWorld, at: number): SampleFile[] {
  const {spec} = comune;
  const account = spec.accounts.instagram!;
  const posts = comune.posts.filter((p) => p.platform === "instagram" && p.at <= at).sort((a, b) => b.at - a.at);
  const rnd = context.rnd.fork(`ig-graph:${spec.entity_id}`);
  return chunks(posts, pageSize).map((list, index, all) => {
    const after = rnd.chars(40);
    const data = list.map((post) => {
      const comments = post.comments.filter((c) => c.at <= at).map((c) => {
        const replies: Message[] = [];
        walk(c.children, (m) => { if (m.at <= at) replies.push(m); });
        return {...igComment(context, comune, c, at), ...(replies.length ? {replies: {data: replies.map((r) => ({...igComment(context, comune, r, at), parent_id: c.id}))}} : {})};
      });
      const count = comments.reduce((n, c) => n + 1 + ((c as {replies?: {data: unknown[]}}).replies?.data.length ?? 0), 0);
      return {
        id: post.id, caption: post.text,
        media_type: post.media === "carousel" ? "CAROUSEL_ALBUM" : post.media === "video" ? "VIDEO" : "IMAGE",
        media_product_type: post.media === "video" ? "REELS" : "FEED",
        permalink: `https://www.instagram.com/${post.media === "video" ? "reel" : "p"}/${context.rnd.fork(`shortcode:${post.id}`).chars(11)}/`,
        timestamp: graphDate(post.at), username: account.handle, owner: {id: account.id},
        like_count: countAt(post.final.likes, post.at, at), comments_count: count,
        ...(comments.length ? {comments: {data: comments}} : {})
      };
    });
    return {
      path: `meta-graph/instagram/${spec.entity_id}/media-${String(index + 1).padStart(2, "0")}.json`, format: "instagram-graph", platform: "instagram", entity: spec.entity_id,
      data: JSON.stringify({data, paging: {cursors: {before: rnd.chars(40), after}, ...(index + 1 < all.length ? {next: `https://graph.facebook.com/${version}/${account.id}/media?limit=${pageSize}&after=${after}`} : {})}})
    };
  });
}

function igComment(context: WriteContext, comune: ComuneWorld, m: Message, at: number) {
  const handle = m.author?.handle ?? comune.spec.accounts.instagram!.handle;
  return {
    id: m.id, text: m.text, timestamp: graphDate(m.at), username: handle, like_count: countAt(m.likes, m.at, at),
    from: {id: authorId(context, comune, m.author, "instagram"), username: handle}
  };
}

export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

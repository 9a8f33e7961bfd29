import type {CanonicalMetric, ItemKind, Platform} from "../canonical.ts";
import type {FacepagerNode} from "./facepager-csv.ts";

/**
 * Where a Facepager node keeps each canonical field: the custom columns (dotted response keys) to look
 * in, first present wins. The user picks the columns in Facepager, so each field lists the usual ones.
 */
export interface NodeFields {
  kind: ItemKind;
  text: string[];
  /** HTML text to fall back on when `text` is absent (YouTube's textDisplay). */
  textHtml?: string[];
  created: string[];
  authorId: string[];
  authorName: string[];
  parent: string[];
  account: string[];
  url: string[];
  counts: Array<[CanonicalMetric, string[]]>;
}

const graphPost = /(^|\/)(posts|feed|published_posts|visitor_posts|tagged)$/;
const graphComments = /(^|\/)comments$/;

const graph = {
  text: ["message"],
  created: ["created_time"],
  authorId: ["from.id"],
  authorName: ["from.name"],
  url: ["permalink_url"],
  account: []
};

const thread = "snippet.topLevelComment.snippet.";

/** The fields of a node fetched by `resource` (Facepager's query_type after the module name), or null. */
export function facepagerFields(platform: Platform, resource: string, parent: FacepagerNode | undefined): NodeFields | null {
  const path = resource.trim().split("?")[0]!.replace(/\/$/, "");
  if (platform === "facebook") {
    if (graphPost.test(path)) {
      return {
        ...graph, kind: "post", parent: [],
        counts: [
          ["reactions", ["reactions.summary.total_count"]],
          ["likes", ["likes.summary.total_count", "like_count"]],
          ["replies", ["comments.summary.total_count", "comment_count"]],
          ["shares", ["shares.count"]]
        ]
      };
    }
    if (graphComments.test(path)) {
      const isReply = parent?.kind === "comment" || parent?.kind === "reply";
      return {
        ...graph, kind: isReply ? "reply" : "comment", parent: ["parent.id"],
        counts: [
          ["likes", ["like_count", "likes.summary.total_count"]],
          ["reactions", ["reactions.summary.total_count"]],
          ["replies", ["comment_count", "comments.summary.total_count"]]
        ]
      };
    }
    return null;
  }
  if (/(^|\/)videos$/.test(path)) {
    return {
      kind: "post", text: ["snippet.title", "snippet.description"], created: ["snippet.publishedAt"],
      authorId: ["snippet.channelId"], authorName: ["snippet.channelTitle"], parent: [], account: ["snippet.channelId"], url: [],
      counts: [["views", ["statistics.viewCount"]], ["likes", ["statistics.likeCount"]], ["replies", ["statistics.commentCount"]]]
    };
  }
  if (/(^|\/)commentThreads$/.test(path)) {
    return {
      kind: "comment", text: [`${thread}textOriginal`], textHtml: [`${thread}textDisplay`], created: [`${thread}publishedAt`],
      authorId: [`${thread}authorChannelId.value`], authorName: [`${thread}authorDisplayName`],
      parent: ["snippet.videoId", `${thread}videoId`], account: ["snippet.channelId", `${thread}channelId`], url: [],
      counts: [["likes", [`${thread}likeCount`]], ["replies", ["snippet.totalReplyCount"]]]
    };
  }
  if (/(^|\/)comments$/.test(path)) {
    return {
      kind: "reply", text: ["snippet.textOriginal"], textHtml: ["snippet.textDisplay"], created: ["snippet.publishedAt"],
      authorId: ["snippet.authorChannelId.value"], authorName: ["snippet.authorDisplayName"],
      parent: ["snippet.parentId"], account: ["snippet.channelId"], url: [],
      counts: [["likes", ["snippet.likeCount"]]]
    };
  }
  return null;
}

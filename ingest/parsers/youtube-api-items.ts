import type {AccountRow, AuthorRow, ItemRow, Rows} from "../canonical.ts";
import {counts, item} from "../canonical.ts";
import {decodeEntities, hashtagsOf, htmlToText, id, mentionsOf, num, isoField, str} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";

type Json = Record<string, any>;

/** Channels and authors already emitted in this file. */
export interface YoutubeState {
  seen: Set<string>;
}

export interface YoutubeThread {
  videoId: string | null;
  /** The video's channel: `snippet.channelId` of the thread (or of the comment). */
  channelId: string | null;
  totalReplyCount?: unknown;
}

function once(state: YoutubeState, key: string): boolean {
  if (state.seen.has(key)) return false;
  state.seen.add(key);
  return true;
}


/** A video from videos.list (statistics as strings), search.list or playlistItems.list (pure). */
export function mapYoutubeVideo(videoId: string, snippet: Json, statistics: Json, raw: unknown, state: YoutubeState, {escaped = false} = {}): Rows {
  // search.list escapes its titles and descriptions as HTML; videos.list does not
  const clean = (value: unknown) => (str(value) && escaped ? decodeEntities(String(value)) : str(value));
  const text = [clean(snippet.title), clean(snippet.description)].filter(Boolean).join("\n\n") || null;
  const channelId = id(snippet.channelId);
  const row: ItemRow = {
    ...item("youtube", videoId, "post", raw),
    account_id: channelId,
    author_id: channelId,
    created_at: isoField(snippet.publishedAt, "snippet.publishedAt"),
    text,
    lang_hint: str(snippet.defaultLanguage ?? snippet.defaultAudioLanguage),
    root_id: videoId,
    url: `https://www.youtube.com/watch?v=${videoId}`,
    hashtags: hashtagsOf(text),
    mentions: mentionsOf(text),
    media_count: 1
  };
  const name = str(snippet.channelTitle);
  return {
    items: [row],
    counts: counts("youtube", videoId, [
      ["views", "viewCount", num(statistics.viewCount)],
      ["likes", "likeCount", num(statistics.likeCount)],
      ["replies", "commentCount", num(statistics.commentCount)]
    ]),
    accounts: channelId && once(state, `account:${channelId}`) ? [channelRow(channelId, name)] : [],
    authors: channelId && once(state, `author:${channelId}`) ? [{platform: "youtube", author_id: channelId, handle: null, name, followers: null}] : []
  };
}

function channelRow(account_id: string, display_name: string | null): AccountRow {
  return {platform: "youtube", account_id, handle: null, display_name, followers: null};
}

/**
 * A comment: the top-level comment of a thread (kind comment, under the video) or a reply (`parentId`,
 * also readable from the reply's id `<parent>.<suffix>`), with its author (pure).
 */
export function mapYoutubeComment(comment: Json, thread: YoutubeThread, state: YoutubeState): Rows {
  const commentId = id(comment.id);
  if (!commentId) throw new ParseError("comment without id", {field: "id"});
  const snippet: Json = comment.snippet ?? {};
  const videoId = id(snippet.videoId) ?? thread.videoId;
  const channelId = thread.channelId ?? id(snippet.channelId);
  const parentId = id(snippet.parentId) ?? (commentId.includes(".") ? commentId.split(".")[0]! : null);
  const authorId = id(snippet.authorChannelId?.value);
  // old responses lack textOriginal and end textDisplay with U+FEFF
  const text = str(snippet.textOriginal) ?? (str(snippet.textDisplay) ? str(htmlToText(String(snippet.textDisplay))) : null);
  const row: ItemRow = {
    ...item("youtube", commentId, parentId ? "reply" : "comment", comment),
    account_id: channelId,
    author_id: authorId,
    created_at: isoField(snippet.publishedAt, "snippet.publishedAt"),
    text,
    parent_id: parentId ?? videoId,
    root_id: videoId,
    url: videoId ? `https://www.youtube.com/watch?v=${videoId}&lc=${commentId}` : null,
    hashtags: hashtagsOf(text),
    mentions: mentionsOf(text)
  };
  return {
    items: [row],
    counts: counts("youtube", commentId, [
      ["likes", "likeCount", num(snippet.likeCount)],
      ["replies", "totalReplyCount", num(thread.totalReplyCount)]
    ]),
    authors: authorId && once(state, `author:${authorId}`) ? [authorRow(authorId, str(snippet.authorDisplayName))] : [],
    accounts: channelId && once(state, `account:${channelId}`) ? [channelRow(channelId, null)] : []
  };
}

// authorDisplayName is an @handle since 2023, a display name before
function authorRow(author_id: string, display: string | null): AuthorRow {
  const handle = display?.startsWith("@") ? display.slice(1).toLowerCase() : null;
  return {platform: "youtube", author_id, handle, name: handle ? null : display, followers: null};
}

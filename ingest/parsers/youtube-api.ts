import type {AuthorRow, Rows} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {readJson, streamJsonArray} from "../readers/json.ts";
import {readHead, type SourceFile} from "../source-file.ts";
import {num} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";
import {mapYoutubeComment, mapYoutubeVideo, type YoutubeState} from "./youtube-api-items.ts";

type Json = Record<string, any>;

// Saved requests leave out `kind` when called with `fields=`: the shape tells instead.
function kindOf(value: Json): string {
  if (typeof value.kind === "string") return value.kind;
  if (value.snippet?.topLevelComment) return "youtube#commentThread";
  if (value.snippet?.textOriginal !== undefined || value.snippet?.textDisplay !== undefined) return "youtube#comment";
  if (typeof value.id === "string" && (value.statistics?.viewCount !== undefined || value.snippet?.title !== undefined)) return "youtube#video";
  throw new ParseError("unrecognised YouTube item (no kind, no known fields)", {field: "kind"});
}

/** Maps one item of a YouTube Data API v3 list response to canonical rows (pure but for the state's memo). */
export function mapYoutubeItem(value: Json, state: YoutubeState): Rows {
  const kind = kindOf(value);
  const snippet: Json = value.snippet ?? {};
  switch (kind) {
    case "youtube#video":
      return mapYoutubeVideo(String(value.id), snippet, value.statistics ?? {}, value, state);
    case "youtube#searchResult":
      if (value.id?.kind !== "youtube#video") return {skipped: {"search result that is not a video (channel, playlist)": 1}};
      return mapYoutubeVideo(String(value.id.videoId), snippet, {}, value, state, {escaped: true});
    case "youtube#playlistItem": {
      const videoId = value.contentDetails?.videoId ?? snippet.resourceId?.videoId;
      if (!videoId || !snippet.videoOwnerChannelId) return {skipped: {"deleted or private video in a playlist": 1}};
      // snippet.publishedAt is when the video joined the playlist; the video's own date is in contentDetails
      const video = {...snippet, channelId: snippet.videoOwnerChannelId, channelTitle: snippet.videoOwnerChannelTitle, publishedAt: value.contentDetails?.videoPublishedAt ?? null};
      return mapYoutubeVideo(String(videoId), video, {}, value, state);
    }
    case "youtube#commentThread": {
      const top = snippet.topLevelComment;
      if (!top) throw new ParseError("comment thread without topLevelComment", {field: "snippet.topLevelComment"});
      const thread = {videoId: snippet.videoId ?? null, channelId: snippet.channelId ?? top.snippet?.channelId ?? null};
      const rows = [mapYoutubeComment(top, {...thread, totalReplyCount: snippet.totalReplyCount}, state)];
      for (const reply of value.replies?.comments ?? []) rows.push(mapYoutubeComment(reply, thread, state));
      return mergeRows(rows);
    }
    case "youtube#comment":
      return mapYoutubeComment(value, {videoId: snippet.videoId ?? null, channelId: snippet.channelId ?? null}, state);
    case "youtube#channel":
      return {accounts: [{
        platform: "youtube", account_id: String(value.id), handle: snippet.customUrl ? String(snippet.customUrl).replace(/^@/, "").toLowerCase() : null,
        display_name: snippet.title ?? null,
        followers: value.statistics?.hiddenSubscriberCount ? null : num(value.statistics?.subscriberCount)
      }]};
    default:
      return {skipped: {[`item of kind ${kind} (not loaded)`]: 1}};
  }
}

function mergeRows(list: Rows[]): Rows {
  return {
    items: list.flatMap((rows) => rows.items ?? []),
    counts: list.flatMap((rows) => rows.counts ?? []),
    authors: list.flatMap((rows) => rows.authors ?? []) as AuthorRow[],
    accounts: list.flatMap((rows) => rows.accounts ?? [])
  };
}

/**
 * The items of a saved response (`{kind, items: [...]}`, streamed), of an array of responses (pages
 * saved together), or of an array of bare items.
 */
async function* youtubeItems(file: SourceFile, head: string): AsyncGenerator<{index: number; value: Json}> {
  let index = 0;
  if (/^\s*\[/.test(head)) {
    for await (const {value} of streamJsonArray(file)) {
      const element = value as Json;
      if (Array.isArray(element?.items)) for (const entry of element.items) yield {index: index++, value: entry};
      else yield {index: index++, value: element};
    }
  } else if (/"items"\s*:/.test(head)) {
    for await (const {value} of streamJsonArray(file, {path: "items"})) yield {index: index++, value: value as Json};
  } else {
    yield {index: index++, value: (await readJson(file)) as Json};
  }
}

const youtubeKind = /"kind"\s*:\s*"youtube#(videoListResponse|commentThreadListResponse|commentListResponse|searchListResponse|playlistItemListResponse|channelListResponse|video|commentThread|comment|searchResult|playlistItem|channel)"/;

/** YouTube Data API v3 responses saved as JSON: videos, comment threads, comments, search, playlist items, channels. */
export const youtubeApi: Parser = {
  name: "youtube-api",
  platform: "youtube",
  detect: ({head}) => /^\s*[[{]/.test(head) && youtubeKind.test(head),
  async *parse(file) {
    const state: YoutubeState = {seen: new Set()};
    const head = new TextDecoder().decode(await readHead(file)).replace(/^\uFEFF/, "");
    yield* mapRecords(file, youtubeItems(file, head), (value) => mapYoutubeItem(value, state));
  }
};


/** `collect youtube`: a channel's uploads, their statistics, comment threads and the replies threads leave out. */
import type {Reply, Verdict} from "./http.ts";
import {retryAfterMs} from "./http.ts";
import {stripSecrets} from "./redact.ts";
import type {Followed, Source} from "./run.ts";
import {safeName, type Unit} from "./state.ts";
import {ConfigError} from "../../lib/errors.ts";

type Json = Record<string, any>;

export const defaultYoutubeBase = "https://www.googleapis.com/youtube/v3";

export interface YoutubeOptions {
  channel: string;
  since?: Date | null;
  env?: NodeJS.ProcessEnv;
}

/** The YouTube Data API v3 source for one channel; the key goes in a header, never in a URL. */
export function youtubeSource({channel, since = null, env = process.env}: YoutubeOptions): Source {
  const key = env.ASCOLTO_YOUTUBE_KEY?.trim();
  if (!key) throw new ConfigError("set ASCOLTO_YOUTUBE_KEY to a YouTube Data API key (see docs/collect.md); keys are never read from arguments");
  const base = (env.ASCOLTO_YOUTUBE_BASE_URL?.trim() || defaultYoutubeBase).replace(/\/+$/, "");
  const api = (method: string, params: Record<string, string>) => `${base}/${method}?${new URLSearchParams(params)}`;
  const slug = safeName(channel);
  const units = {
    channel: (): Unit => ({name: `youtube-channel-${slug}`, url: api("channels", {part: "snippet,contentDetails,statistics", id: channel}), page: 1}),
    uploads: (playlistId: string): Unit => ({name: `youtube-uploads-${slug}`, url: api("playlistItems", {part: "snippet,contentDetails", playlistId, maxResults: "50"}), page: 1}),
    // one videos.list call per playlist page: named after that page, which is unique in the run
    videos: (ids: string[], page: number): Unit => ({name: `youtube-videos-${slug}-b${String(page).padStart(4, "0")}`, url: api("videos", {part: "snippet,statistics", id: ids.join(","), maxResults: "50"}), page: 1}),
    threads: (videoId: string): Unit => ({name: `youtube-threads-${safeName(videoId)}`, url: api("commentThreads", {part: "snippet,replies", videoId, maxResults: "100", order: "time"}), page: 1}),
    replies: (parentId: string): Unit => ({name: `youtube-replies-${safeName(parentId)}`, url: api("comments", {part: "snippet", parentId, maxResults: "100"}), page: 1})
  };
  return {
    platform: "youtube",
    source: channel,
    secrets: [key],
    start: async () => [units.channel()],
    request: (url) => ({url, headers: {"x-goog-api-key": key}}),
    classify: classifyYoutube,
    follow(unit: Unit, reply: Reply): Followed {
      const json = reply.json as Json;
      const items: Json[] = Array.isArray(json?.items) ? json.items : [];
      const token = typeof json?.nextPageToken === "string" ? json.nextPageToken : null;
      const next = token ? withPageToken(unit.url, token) : null;
      const kind = unit.name.split("-")[1];
      if (kind === "channel") {
        const uploads = items[0]?.contentDetails?.relatedPlaylists?.uploads;
        if (typeof uploads !== "string") throw new ConfigError(`youtube channel ${channel} not found (no uploads playlist in channels.list)`);
        return {next: null, units: [units.uploads(uploads)], records: items.length};
      }
      if (kind === "uploads") {
        const published = (item: Json) => item.contentDetails?.videoPublishedAt ?? item.snippet?.publishedAt;
        const recent = items.filter((item) => !(since && typeof published(item) === "string" && Date.parse(published(item)) < since.getTime()));
        const ids = recent.map((item) => item.contentDetails?.videoId ?? item.snippet?.resourceId?.videoId).filter((id): id is string => typeof id === "string");
        return {next: recent.length < items.length ? null : next, units: ids.length ? [units.videos(ids, unit.page)] : [], records: items.length};
      }
      if (kind === "videos") {
        // commentCount "0" has no threads; missing means comments are off or hidden: commentThreads will say
        const open = items.filter((video) => video.statistics?.commentCount !== "0");
        return {next: null, units: open.map((video) => units.threads(String(video.id))), records: items.length};
      }
      if (kind === "threads") {
        // replies.comments holds at most 5 of a thread's replies: the rest come from comments.list
        const cut = items.filter((thread) => Number(thread.snippet?.totalReplyCount ?? 0) > (thread.replies?.comments?.length ?? 0));
        return {next, units: cut.map((thread) => units.replies(String(thread.id))), records: items.length};
      }
      return {next, units: [], records: items.length};
    }
  };
}

function withPageToken(url: string, token: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("pageToken", token);
  return stripSecrets(parsed.toString());
}

const quotaReasons = new Set(["quotaExceeded", "dailyLimitExceeded", "dailyLimitExceededUnreg"]);
const slowDownReasons = new Set(["rateLimitExceeded", "userRateLimitExceeded"]);
const keyReasons = new Set(["keyInvalid", "keyExpired", "API_KEY_INVALID", "API_KEY_EXPIRED", "API_KEY_SERVICE_BLOCKED", "accessNotConfigured", "SERVICE_DISABLED"]);
// per video: comments off, video private or removed while the run went on
const skipReasons = new Set(["commentsDisabled", "videoNotFound", "commentThreadNotFound", "commentNotFound", "playlistNotFound", "forbidden"]);

/** Classifies a Data API reply from `error.errors[].reason` (and `error.details[].reason`, the newer spelling). */
export function classifyYoutube(reply: Reply): Verdict {
  const error = (reply.json as Json | null)?.error as Json | undefined;
  if (reply.status < 300 && reply.json !== null && !error) return {kind: "ok"};
  const reasons = [...(error?.errors ?? []), ...(error?.details ?? [])].map((entry: Json) => String(entry?.reason ?? ""));
  const message = `HTTP ${reply.status}${reasons.length ? ` ${reasons.filter(Boolean).join(", ")}` : ""}: ${error?.message ?? "no message"}`;
  const has = (set: Set<string>) => reasons.some((reason) => set.has(reason));
  if (has(keyReasons) || reply.status === 401 || /api key/i.test(String(error?.message ?? ""))) {
    return {kind: "stop", reason: "auth", message: `${message}. The API key is invalid, expired or not enabled for the YouTube Data API: check it (docs/collect.md) and set ASCOLTO_YOUTUBE_KEY`};
  }
  if (has(quotaReasons)) return {kind: "stop", reason: "rate-limited", message: `${message}. The daily quota is spent (it resets at midnight Pacific time): run again tomorrow to resume`};
  if (has(slowDownReasons) || reply.status === 429) return {kind: "wait", message, afterMs: retryAfterMs(reply.headers) ?? undefined};
  if (reply.status >= 500 || reply.json === null || reasons.includes("backendError")) return {kind: "retry", message};
  if (has(skipReasons) || reply.status === 404) return {kind: "skip", message};
  return {kind: "stop", reason: "failed", message};
}

/** YouTube Data API v3 responses: videos.list for the channel's videos, commentThreads.list per video. */
import {authorId, type SampleFile, type WriteContext} from "./output.ts";
import type {ComuneWorld, Message, Post} from "./world.ts";
import {countAt} from "./world.ts";
import {walk} from "./ids.ts";
import {isoSeconds} from "./time.ts";
import {bio} from "./comuni.ts";

export function writeYouTube(context: WriteContext, comune: ComuneWorld): SampleFile[] {
  const {spec} = comune;
  const channel = spec.accounts.youtube!;
  const {exportAt} = context.world;
  const rnd = context.rnd.fork(`youtube:${spec.entity_id}`);
  const videos = comune.posts.filter((p) => p.platform === "youtube").sort((a, b) => b.at - a.at);
  const etag = () => rnd.chars(27);
  const videoList = {
    kind: "youtube#videoListResponse", etag: etag(),
    items: videos.map((v) => ({
      kind: "youtube#video", etag: etag(), id: v.id,
      snippet: {
        publishedAt: isoSeconds(v.at), channelId: channel.id, title: v.text.split(/[.:!\n]/)[0]!.slice(0, 90),
        description: `${v.text}\n\n${bio}`, thumbnails: {default: {url: `https://i.ytimg.com/vi/${v.id}/default.jpg`, width: 120, height: 90}},
        channelTitle: spec.name, tags: [spec.town, "comune"], categoryId: "25", liveBroadcastContent: "none",
        defaultLanguage: "it", localized: {title: v.text.slice(0, 60), description: v.text}, defaultAudioLanguage: "it"
      },
      statistics: {
        viewCount: String(countAt(v.final.views, v.at, exportAt)), likeCount: String(countAt(v.final.likes, v.at, exportAt)),
        favoriteCount: "0", commentCount: String(countMessages(v))
      }
    })),
    pageInfo: {totalResults: videos.length, resultsPerPage: videos.length}
  };
  const files: SampleFile[] = [{path: `youtube/${spec.entity_id}/videos.json`, data: JSON.stringify(videoList, null, 2), format: "youtube-api", platform: "youtube", entity: spec.entity_id}];
  for (const video of videos.filter((v) => v.comments.length)) {
    const threads = [...video.comments].sort((a, b) => b.at - a.at).map((top) => {
      const replies = descendants(top);
      return {
        kind: "youtube#commentThread", etag: etag(), id: top.id,
        snippet: {channelId: channel.id, videoId: video.id, topLevelComment: comment(context, comune, video, top, null, etag()),
          canReply: true, totalReplyCount: replies.length, isPublic: true},
        // the API embeds at most five replies; the rest need comments.list?parentId=
        ...(replies.length ? {replies: {comments: replies.slice(0, 5).map((r) => comment(context, comune, video, r, top.id, etag()))}} : {})
      };
    });
    files.push({
      path: `youtube/${spec.entity_id}/commentThreads-${video.id}.json`, format: "youtube-api", platform: "youtube", entity: spec.entity_id,
      data: JSON.stringify({kind: "youtube#commentThreadListResponse", etag: etag(), pageInfo: {totalResults: threads.length, resultsPerPage: 100}, items: threads}, null, 2)
    });
    for (const top of video.comments) {
      const replies = descendants(top);
      if (replies.length <= 5) continue;
      files.push({
        path: `youtube/${spec.entity_id}/comments-${top.id}.json`, format: "youtube-api", platform: "youtube", entity: spec.entity_id,
        data: JSON.stringify({kind: "youtube#commentListResponse", etag: etag(), pageInfo: {totalResults: replies.length, resultsPerPage: 100},
          items: replies.map((r) => comment(context, comune, video, r, top.id, etag()))}, null, 2)
      });
    }
  }
  return files;
}

function descendants(top: Message): Message[] {
  const out: Message[] = [];
  walk(top.children, (m) => out.push(m));
  return out.sort((a, b) => b.at - a.at);
}

function countMessages(post: Post): number {
  let n = 0;
  walk(post.comments, () => n++);
  return n;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;").replace(/\n/g, "<br>");

function comment(context: WriteContext, comune: ComuneWorld, video: Post, m: Message, parentId: string | null, etag: string) {
  const channel = comune.spec.accounts.youtube!;
  const authorChannel = authorId(context, comune, m.author, "youtube");
  const handle = m.author ? `@${m.author.handle.replace(/[^A-Za-z0-9._-]/g, "")}` : channel.handle;
  return {
    kind: "youtube#comment", etag, id: m.id,
    snippet: {
      channelId: channel.id, videoId: video.id, textDisplay: escapeHtml(m.text), textOriginal: m.text,
      ...(parentId ? {parentId} : {}),
      authorDisplayName: handle, authorProfileImageUrl: `https://yt3.ggpht.com/ytc/${authorChannel.slice(2, 14)}=s48-c-k-c0x00ffffff-no-rj`,
      authorChannelUrl: `http://www.youtube.com/${handle}`, authorChannelId: {value: authorChannel},
      canRate: true, viewerRating: "none", likeCount: countAt(m.likes, m.at, Date.parse("2025-06-30T21:30:00Z")),
      publishedAt: isoSeconds(m.at), updatedAt: isoSeconds(m.at)
    }
  };
}

/** Telegram Desktop "Export chat history" (JSON) of a public channel: result.json. */
import type {SampleFile, WriteContext} from "./output.ts";
import type {ComuneWorld} from "./world.ts";
import {countAt} from "./world.ts";
import {romeWall, unixSeconds} from "./time.ts";

type Entity = {type: string; text: string; href?: string};

/** Splits a text into Telegram's entities: plain runs, links and hashtags. */
function entities(text: string): Entity[] {
  const out: Entity[] = [];
  let last = 0;
  for (const m of text.matchAll(/https?:\/\/\S+|#[\p{L}\p{N}_]+/gu)) {
    if (m.index > last) out.push({type: "plain", text: text.slice(last, m.index)});
    out.push(m[0].startsWith("#") ? {type: "hashtag", text: m[0]} : {type: "link", text: m[0]});
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({type: "plain", text: text.slice(last)});
  return out;
}

export function writeTelegram(context: WriteContext, comune: ComuneWorld): SampleFile {
  const {spec} = comune;
  const channel = spec.accounts.telegram!;
  const rnd = context.rnd.fork(`telegram:${spec.entity_id}`);
  const fromId = `channel${channel.id}`;
  const posts = comune.posts.filter((p) => p.platform === "telegram").sort((a, b) => a.at - b.at);
  const messages: unknown[] = [{
    id: Number(posts[0]?.id ?? 1043) - 1, type: "service", date: romeWall(Date.parse("2024-12-31T10:00:00Z")), date_unixtime: String(unixSeconds(Date.parse("2024-12-31T10:00:00Z"))),
    actor: spec.name, actor_id: fromId, action: "edit_group_title", title: spec.name, text: "", text_entities: []
  }];
  for (const post of posts) {
    const parts = entities(post.text);
    const text = parts.length === 1 && parts[0]!.type === "plain" ? post.text : parts.map((e) => (e.type === "plain" ? e.text : e));
    const message: Record<string, unknown> = {
      id: Number(post.id), type: "message", date: romeWall(post.at), date_unixtime: String(unixSeconds(post.at)),
      from: spec.name, from_id: fromId
    };
    if (rnd.chance(0.08)) Object.assign(message, {edited: romeWall(post.at + 900_000), edited_unixtime: String(unixSeconds(post.at + 900_000))});
    if (post.media === "photo") Object.assign(message, {photo: "(File not included. Change data exporting settings to download.)", photo_file_size: rnd.int(80_000, 400_000), width: 1280, height: 853});
    Object.assign(message, {text, text_entities: parts});
    const likes = countAt(post.final.likes, post.at, context.world.exportAt);
    if (likes > 0) {
      message.reactions = [{type: "emoji", count: likes, emoji: "👍"}, ...(likes > 20 ? [{type: "emoji", count: Math.round(likes / 6), emoji: "❤"}] : [])];
    }
    messages.push(message);
  }
  const data = {name: spec.name, type: "public_channel", id: Number(channel.id), messages};
  return {path: `telegram/${spec.entity_id}/ChatExport_2025-06-30/result.json`, data: JSON.stringify(data, null, 1), format: "telegram-desktop", platform: "telegram", entity: spec.entity_id};
}

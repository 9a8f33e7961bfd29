/** Meta "Download Your Information" JSON: Facebook your_posts_1.json, Instagram posts_1.json and followers_1.json. */
import type {SampleFile, WriteContext} from "./output.ts";
import type {ComuneWorld} from "./world.ts";
import {unixSeconds} from "./time.ts";
import {bio} from "./comuni.ts";

/** Meta's mojibake: every non-ASCII character written as its UTF-8 bytes, each escaped `\u00XX`. */
export function metaJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[^\x00-\x7f]/gu, (c) =>
    [...Buffer.from(c, "utf8")].map((b) => `\\u00${b.toString(16).padStart(2, "0")}`).join(""));
}

/** Facebook DYI as requested on 2 April 2025: posts up to then, newest first, one exact duplicate. */
export function writeFacebookDyi(context: WriteContext, comune: ComuneWorld): SampleFile {
  const {spec} = comune;
  const rnd = context.rnd.fork(`fb-dyi:${spec.entity_id}`);
  const until = Date.parse("2025-04-02T08:00:00Z");
  const posts = comune.posts.filter((p) => p.platform === "facebook" && p.at < until).sort((a, b) => b.at - a.at);
  const records: unknown[] = posts.map((post) => {
    const ts = unixSeconds(post.at);
    const data: unknown[] = [{post: post.text}];
    if (rnd.chance(0.1)) data.push({update_timestamp: ts + rnd.int(60, 7200)});
    const record: Record<string, unknown> = {timestamp: ts};
    if (post.media === "photo") {
      record.attachments = [{data: [{media: {
        uri: `your_activity_across_facebook/posts/media/Yourposts_${rnd.chars(8)}/${rnd.digits(9)}_${rnd.digits(15)}_n.jpg`,
        creation_timestamp: ts, media_metadata: {photo_metadata: {exif_data: [{upload_ip: `192.0.2.${rnd.int(1, 254)}`}]}}, title: "", description: post.text
      }}]}];
      record.title = `${spec.name} ha aggiunto una nuova foto.`;
    } else if (post.link) {
      record.attachments = [{data: [{external_context: {url: post.link, name: `${spec.name} - Sito istituzionale`}}]}];
      record.title = `${spec.name} ha condiviso un link.`;
    }
    record.data = rnd.chance(0.05) ? [...data, {}] : data;
    return record;
  });
  // DYI files repeat records and are not always in time order
  if (records.length > 6) {
    records.splice(4, 0, records[2]);
    [records[8], records[9]] = [records[9], records[8]];
  }
  return {
    path: `facebook-dyi/${spec.entity_id}/your_activity_across_facebook/posts/your_posts_1.json`,
    data: metaJson(records), format: "facebook-dyi", platform: "facebook", entity: spec.entity_id
  };
}

/** Instagram DYI: own posts (single and carousel shapes) and the followers list. */
export function writeInstagramDyi(context: WriteContext, comune: ComuneWorld): SampleFile[] {
  const {spec} = comune;
  const rnd = context.rnd.fork(`ig-dyi:${spec.entity_id}`);
  const posts = comune.posts.filter((p) => p.platform === "instagram").sort((a, b) => b.at - a.at);
  const records = posts.map((post) => {
    const ts = unixSeconds(post.at);
    const month = new Date(post.at).toISOString().slice(0, 7).replace("-", "");
    const uri = (ext: string) => `media/posts/${month}/${rnd.digits(17)}_${rnd.digits(17)}_n.${ext}`;
    if (post.media === "carousel") {
      const n = rnd.int(2, 5);
      return {media: Array.from({length: n}, () => ({uri: uri("jpg"), creation_timestamp: ts, media_metadata: {photo_metadata: {exif_data: [{}]}}, title: "", cross_post_source: {source_app: "FB"}})),
        title: post.text, creation_timestamp: ts};
    }
    return {media: [{uri: uri(post.media === "video" ? "mp4" : "jpg"), creation_timestamp: ts,
      media_metadata: post.media === "video" ? {video_metadata: {exif_data: [{}]}} : {photo_metadata: {exif_data: [{}]}},
      title: post.text, cross_post_source: {source_app: "FB"}}]};
  });
  const account = spec.accounts.instagram!;
  const followers = Array.from({length: account.followers}, (_, i) => {
    const person = comune.citizens[i % comune.citizens.length]!;
    const handle = i < comune.citizens.length ? person.handle : `${person.handle}_${i}`;
    return {title: "", media_list_data: [], string_list_data: [{href: `https://www.instagram.com/${handle}`, value: handle, timestamp: unixSeconds(Date.parse("2019-05-01T00:00:00Z")) + i * 86_400 * 2}]};
  });
  const base = `instagram-dyi/${spec.entity_id}`;
  const text = (value: string) => ({href: "", value, timestamp: 0});
  const profile = {profile_user: [{media_map_data: {"Profile Photo": {uri: "media/other/profile.jpg", creation_timestamp: 1546300800, title: ""}},
    string_map_data: {Username: text(account.handle), Name: text(spec.name), Bio: text(bio), Website: text(spec.website), "Private Account": text("False")}}]};
  return [
    {path: `${base}/personal_information/personal_information/personal_information.json`, data: metaJson(profile), format: "context", platform: "instagram", entity: spec.entity_id},
    {path: `${base}/your_instagram_activity/content/posts_1.json`, data: metaJson(records), format: "instagram-dyi", platform: "instagram", entity: spec.entity_id},
    {path: `${base}/connections/followers_and_following/followers_1.json`, data: metaJson(followers), format: "instagram-dyi", platform: "instagram", entity: spec.entity_id}
  ];
}

import {afterAll, describe, expect, it} from "vitest";
import {facebookGraph, mapFacebookGraphPost} from "../../../ingest/parsers/facebook-graph.ts";
import {instagramGraph, mapInstagramGraphComment} from "../../../ingest/parsers/instagram-graph.ts";
import {unwrapGraph} from "../../../ingest/parsers/meta-graph.ts";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";

const graph = new URL("../../fixtures/meta/graph/", import.meta.url).pathname;
const page = "104000000000001";
const pick = <T extends object>(rows: T[], ...keys: Array<keyof T>) =>
  rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key]])));

describe("facebook Graph page feed", async () => {
  const rows = await collectRows(`${graph}page-feed.json`);

  it("maps posts, comments, the page's reply and a deleted author", () => {
    expect(rows.parser).toBe("facebook-graph");
    expect(pick(rows.items, "item_id", "kind", "account_id", "author_id", "parent_id", "root_id", "created_at")).toEqual([
      {item_id: `${page}_5550001`, kind: "post", account_id: page, author_id: page, parent_id: null, root_id: `${page}_5550001`, created_at: "2024-03-01T10:15:00.000Z"},
      {item_id: "5550001_9000001", kind: "comment", account_id: page, author_id: "7000000000000001", parent_id: `${page}_5550001`, root_id: `${page}_5550001`, created_at: "2024-03-01T11:00:00.000Z"},
      {item_id: "5550001_9000003", kind: "reply", account_id: page, author_id: page, parent_id: "5550001_9000001", root_id: `${page}_5550001`, created_at: "2024-03-01T12:30:00.000Z"},
      {item_id: "5550001_9000002", kind: "comment", account_id: page, author_id: null, parent_id: `${page}_5550001`, root_id: `${page}_5550001`, created_at: "2024-03-01T11:05:00.000Z"},
      {item_id: `${page}_5550002`, kind: "post", account_id: page, author_id: "7000000000000002", parent_id: null, root_id: `${page}_5550002`, created_at: "2024-02-28T23:30:00.000Z"}
    ]);
  });

  it("keeps text with emoji, quotes and newlines, and the post's permalink and tags", () => {
    expect(rows.items[0]).toMatchObject({
      text: 'Lavori in via Roma 🚧 da lunedì. #viabilità\nInfo: "ufficio tecnico"',
      url: `https://www.facebook.com/${page}/posts/5550001`, hashtags: ["viabilità"], media_count: 1
    });
    expect(rows.items[1]!.text).toBe("E i parcheggi? 😡");
  });

  it("turns the counters into canonical metrics named as the file spells them", () => {
    expect(pick(rows.counts, "item_id", "metric", "metric_source", "value")).toEqual([
      {item_id: `${page}_5550001`, metric: "likes", metric_source: "likes.summary.total_count", value: 30},
      {item_id: `${page}_5550001`, metric: "reactions", metric_source: "reactions.summary.total_count", value: 37},
      {item_id: `${page}_5550001`, metric: "shares", metric_source: "shares.count", value: 4},
      {item_id: `${page}_5550001`, metric: "replies", metric_source: "comments.summary.total_count", value: 3},
      {item_id: "5550001_9000001", metric: "likes", metric_source: "like_count", value: 3},
      {item_id: "5550001_9000001", metric: "replies", metric_source: "comment_count", value: 1},
      {item_id: "5550001_9000003", metric: "likes", metric_source: "like_count", value: 1},
      {item_id: "5550001_9000003", metric: "replies", metric_source: "comment_count", value: 0},
      {item_id: "5550001_9000002", metric: "likes", metric_source: "like_count", value: 0},
      {item_id: "5550001_9000002", metric: "replies", metric_source: "comment_count", value: 0},
      {item_id: `${page}_5550002`, metric: "reactions", metric_source: "reactions.summary.total_count", value: 2},
      {item_id: `${page}_5550002`, metric: "replies", metric_source: "comments.summary.total_count", value: 0}
    ]);
  });

  it("drops the post repeated by overlapping pages, with its comments, under a named rule", () => {
    expect(rows.skipped).toEqual({"item repeated in the file (overlapping pages)": 4});
  });

  it("names the page from its own posts and every author once", () => {
    expect(rows.accounts).toEqual([{platform: "facebook", account_id: page, handle: null, display_name: "Comune di Città Bella", followers: null}]);
    expect(pick(rows.authors, "author_id", "name")).toEqual([
      {author_id: page, name: "Comune di Città Bella"},
      {author_id: "7000000000000001", name: "Mario Rossi"},
      {author_id: "7000000000000002", name: "Anna Bianchi"}
    ]);
  });

  it("matches the golden rows", async () => {
    await expect(JSON.stringify(rows.items.map(({raw, ...row}) => row), null, 2)).toMatchFileSnapshot("__snapshots__/meta-graph.page-feed.json");
  });
});

describe("facebook Graph comments edge", () => {
  it("finds the post in the file name and threads replies, including one whose parent is not in the file", async () => {
    const rows = await collectRows(`${graph}comments_${page}_5550004.json`);
    const post = `${page}_5550004`;
    expect(pick(rows.items, "item_id", "kind", "account_id", "author_id", "parent_id", "root_id", "text", "media_count")).toEqual([
      {item_id: "5550004_9100001", kind: "comment", account_id: page, author_id: "7000000000000003", parent_id: post, root_id: post, text: "La raccolta differenziata non è passata 👎", media_count: 0},
      {item_id: "5550004_9100002", kind: "reply", account_id: page, author_id: page, parent_id: "5550004_9100001", root_id: post, text: "Ci scusiamo, passerà domani.", media_count: 0},
      {item_id: "5550004_9100003", kind: "reply", account_id: page, author_id: null, parent_id: "5550004_9099999", root_id: post, text: "Anche da noi!", media_count: 0},
      {item_id: "5550004_9100004", kind: "comment", account_id: page, author_id: "7000000000000004", parent_id: post, root_id: post, text: null, media_count: 1}
    ]);
    expect(rows.items[0]!.created_at).toBe("2024-03-05T07:45:10.000Z");
  });

  it("finds the post in the paging URL", async () => {
    const rows = await collectRows(`${graph}post-comments-page2.json`);
    expect(rows.items).toMatchObject([{item_id: "5550005_9200001", kind: "comment", account_id: page, parent_id: `${page}_5550005`, root_id: `${page}_5550005`}]);
  });

  it("falls back to the comment id's prefix when the file names no post", async () => {
    const rows = await collectRows(`${graph}comments-unknown-post.json`);
    expect(rows.items).toMatchObject([{item_id: "5550006_9300001", kind: "comment", account_id: null, parent_id: "5550006", root_id: "5550006"}]);
  });

  it("gives a comment without id (Page Public Content Access) a deterministic id", () => {
    const post = {id: `${page}_1`, created_time: "2024-03-01T10:15:00+0000", comments: {data: [{message: "Senza id", created_time: "2024-03-01T10:20:00+0000"}]}};
    const first = mapFacebookGraphPost(post, {id: null, name: null, followers: null}).items![1]!;
    const again = mapFacebookGraphPost(post, {id: null, name: null, followers: null}).items![1]!;
    expect(first.item_id).toMatch(/^fbgraph:[0-9a-f]{32}$/);
    expect(again.item_id).toBe(first.item_id);
    expect(first).toMatchObject({kind: "comment", parent_id: `${page}_1`, root_id: `${page}_1`, author_id: null});
  });
});

describe("facebook Graph page node", () => {
  it("takes the page's name, handle and followers from the node around the posts", async () => {
    const rows = await collectRows(`${graph}page-node.json`);
    expect(rows.accounts).toEqual([{platform: "facebook", account_id: page, handle: "ComuneCittaBella", display_name: "Comune di Città Bella", followers: 5400}]);
    expect(rows.items).toMatchObject([{item_id: `${page}_5550003`, kind: "post", text: null, author_id: page}]);
  });
});

describe("instagram Graph media", async () => {
  const rows = await collectRows(`${graph}ig-user.json`);
  const account = "17841400000000001";

  it("maps media, comments and one-level replies, including the account's own reply", () => {
    expect(rows.parser).toBe("instagram-graph");
    expect(pick(rows.items, "item_id", "kind", "account_id", "author_id", "parent_id", "root_id", "media_count")).toEqual([
      {item_id: "17890000000000001", kind: "post", account_id: account, author_id: account, parent_id: null, root_id: "17890000000000001", media_count: 1},
      {item_id: "17850000000000001", kind: "comment", account_id: account, author_id: "17841400000000101", parent_id: "17890000000000001", root_id: "17890000000000001", media_count: null},
      {item_id: "17850000000000002", kind: "reply", account_id: account, author_id: account, parent_id: "17850000000000001", root_id: "17890000000000001", media_count: null},
      {item_id: "17850000000000003", kind: "reply", account_id: account, author_id: "marco_r", parent_id: "17850000000000001", root_id: "17890000000000001", media_count: null},
      {item_id: "17850000000000004", kind: "comment", account_id: account, author_id: null, parent_id: "17890000000000001", root_id: "17890000000000001", media_count: null},
      {item_id: "17890000000000002", kind: "post", account_id: account, author_id: account, parent_id: null, root_id: "17890000000000002", media_count: 3}
    ]);
    expect(rows.items[0]).toMatchObject({
      created_at: "2023-12-10T16:20:00.000Z", text: "Mercatino di Natale in piazza 🎄 #natale @pro_loco_cittabella",
      url: "https://www.instagram.com/p/C0aaaaaaaaa/", hashtags: ["natale"], mentions: ["pro_loco_cittabella"]
    });
    expect(rows.skipped).toEqual({"item repeated in the file (overlapping pages)": 1});
  });

  it("counts likes and comments, and takes followers from the user node", () => {
    expect(pick(rows.counts.filter((c) => c.item_id === "17890000000000001"), "metric", "metric_source", "value")).toEqual([
      {metric: "likes", metric_source: "like_count", value: 120},
      {metric: "replies", metric_source: "comments_count", value: 4}
    ]);
    expect(rows.accounts).toEqual([{platform: "instagram", account_id: account, handle: "comune_cittabella", display_name: "Comune di Città Bella", followers: 2100}]);
  });

  it("takes the account from a /{ig-user-id}/media paging URL", async () => {
    const page2 = await collectRows(`${graph}ig-media-page.json`);
    expect(page2.items).toMatchObject([{item_id: "17890000000000002", account_id: account}]);
  });

  it("reads a standalone comments edge, the media id from the file name", async () => {
    const comments = await collectRows(`${graph}ig-comments_17890000000000003.json`);
    expect(pick(comments.items, "item_id", "kind", "author_id", "parent_id", "root_id", "text")).toEqual([
      {item_id: "17850000000000021", kind: "comment", author_id: "giulia", parent_id: "17890000000000003", root_id: "17890000000000003", text: "Bravi 👏"},
      {item_id: "17850000000000022", kind: "reply", author_id: "comune_cittabella", parent_id: "17850000000000021", root_id: "17890000000000003", text: "Grazie!"}
    ]);
  });
});

describe("meta Graph errors", () => {
  it("rejects a time that is not ISO-8601 with an offset, naming file, record and field", async () => {
    const path = `${graph}bad-created-time.json`;
    await expect(collectRows(path)).rejects.toThrow(`${path}, record 3, field created_time: unrecognised date "01/03/2024 10:15"`);
  });

  it("rejects records without ids and files without a data list", () => {
    expect(() => mapFacebookGraphPost({message: "x"}, {id: null, name: null, followers: null})).toThrow("post without id");
    expect(() => mapInstagramGraphComment({text: "x"}, {mediaId: "1", accountId: null, parentId: null})).toThrow("comment without id");
    expect(() => unwrapGraph({error: {message: "Invalid OAuth access token", code: 190}}, ["posts"])).toThrow(
      "not a Graph API response: no data list (keys error)");
  });
});

describe("meta Graph detection", () => {
  const heads = {
    feed: '{"data": [{"id": "1_2", "message": "x", "created_time": "2024-03-01T10:15:00+0000"}]}',
    feedWithAttachments: '[{"id": "1_2", "created_time": "2024-03-01T10:15:00+0000", "attachments": {"data": [{"media_type": "photo"}]}}]',
    igMedia: '{"data": [{"id": "1", "caption": "x", "media_type": "IMAGE", "timestamp": "2024-03-01T10:15:00+0000"}]}',
    igComments: '{"data": [{"id": "1", "text": "x", "timestamp": "2024-03-01T10:15:00+0000", "username": "u"}]}',
    xApiV2: '{"data": [{"id": "1", "text": "x", "created_at": "2024-03-01T10:15:00.000Z", "author_id": "2"}], "includes": {}}',
    telegram: '{"name": "x", "type": "public_channel", "id": 1, "messages": [{"id": 1, "type": "message", "date": "2024-03-01T10:15:00", "text": "x"}]}',
    youtube: '{"kind": "youtube#commentThreadListResponse", "items": [{"snippet": {"publishedAt": "2024-03-01T10:15:00Z"}}]}',
    insights: '{"data": [{"name": "page_impressions", "period": "day", "values": [{"value": 1, "end_time": "2024-03-01T08:00:00+0000"}]}]}'
  };
  const claims = (head: string) => [facebookGraph, instagramGraph].filter((p) => p.detect({name: "x.json", head})).map((p) => p.name);

  it("tells Facebook from Instagram files", () => {
    expect(claims(heads.feed)).toEqual(["facebook-graph"]);
    expect(claims(heads.feedWithAttachments)).toEqual(["facebook-graph"]);
    expect(claims(heads.igMedia)).toEqual(["instagram-graph"]);
    expect(claims(heads.igComments)).toEqual(["instagram-graph"]);
  });

  it("does not steal X, Telegram, YouTube or Page Insights files", () => {
    for (const head of [heads.xApiV2, heads.telegram, heads.youtube, heads.insights]) expect(claims(head)).toEqual([]);
  });
});

describe("meta Graph in a warehouse", async () => {
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());
  const results = await ingestInto(warehouse.path, [`${graph}page-feed.json`, `${graph}page-feed-2.json`, `${graph}comments_${page}_5550004.json`]);

  it("loads every file", () => {
    expect(results.map((r) => [r.status, r.format])).toEqual([["loaded", "facebook-graph"], ["loaded", "facebook-graph"], ["loaded", "facebook-graph"]]);
  });

  it("keeps one row per post across overlapping pages and a snapshot of counts per file", async () => {
    expect(await query(warehouse.path, "select kind, count(*)::integer as n from items group by kind order by kind")).toEqual([
      {kind: "comment", n: 4}, {kind: "post", n: 3}, {kind: "reply", n: 3}
    ]);
    expect(await query(warehouse.path, `select value from item_counts where item_id = '${page}_5550002' and metric = 'reactions' order by value`)).toEqual([
      {value: 2}, {value: 5}
    ]);
  });

  it("keeps the page's name and pseudonymises every author", async () => {
    expect(await query(warehouse.path, "select account_id, display_name from accounts")).toEqual([{account_id: page, display_name: "Comune di Città Bella"}]);
    expect(await query(warehouse.path, "select count(*)::integer as n, count(distinct pseudonym)::integer as pseudonyms from authors")).toEqual([{n: 5, pseudonyms: 5}]);
    expect(await query(warehouse.path, "select count(*)::integer as n from items where author_id is null")).toEqual([{n: 2}]);
  });
});

describe("meta HTML download", async () => {
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());
  const folder = new URL("../../fixtures/facebook/html/", import.meta.url).pathname;
  const results = await ingestInto(warehouse.path, [folder]);

  it("rejects its data pages with the way to get JSON, and ignores the rest", () => {
    const status = Object.fromEntries(results.map((r) => [r.path.slice(folder.length), [r.status, r.format]]));
    expect(status).toEqual({
      "start_here.html": ["ignored", null],
      "your_facebook_activity/comments_and_reactions/comments.html": ["rejected", "meta-dyi-html"],
      "your_facebook_activity/posts/media/style.css": ["ignored", null],
      "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.html": ["rejected", "meta-dyi-html"]
    });
    const rejected = results.find((r) => r.status === "rejected")!;
    expect(rejected.error).toBe(
      `${rejected.path}: this is Meta's HTML download, which holds no data ascolto can read: download your information again ` +
      "choosing format JSON (Accounts Center → Your information and permissions → Download your information)");
  });
});

import {afterAll, describe, expect, it} from "vitest";
import {mapV2Tweet} from "../../../ingest/parsers/x-tweet-v2.ts";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";

const dir = "test/fixtures/x/api-v2";
const comune = "1111111111";
const R = "1790000000000000001";
const noRaw = <T extends {raw: string}>({raw: _raw, ...row}: T) => row;
const base = {platform: "x", lang_hint: "it", hashtags: [], mentions: [], media_count: 0};
const rText = "Lavori in via Roma & piazza Duomo da lunedì 19 maggio 🚧 Percorsi alternativi sul sito. #ViaRoma";

describe("x-api-v2", () => {
  it("maps twarc2 search pages: includes, referenced tweets as items, thread channels", async () => {
    const rows = await collectRows(`${dir}/search.jsonl`);
    expect(rows.parser).toBe("x-api-v2");
    expect(rows.exported_at).toBe("2025-05-18T08:00:09.000Z");
    expect(rows.skipped).toEqual({
      "api error object (deleted, suspended or protected reference)": 1, "blank line": 1, "page without tweets": 1
    });
    expect(rows.items.map(noRaw)).toEqual([
      {
        ...base, item_id: "1790000000000000011", kind: "reply", account_id: comune, author_id: "1500000001", created_at: "2025-05-18T07:36:14.000Z",
        text: "@ComuneDiEsempio E per i residenti? Il passo carrabile resta accessibile? 🤔", parent_id: R, root_id: R,
        url: "https://x.com/mario_rossi/status/1790000000000000011", mentions: ["comunediesempio"]
      },
      {
        // a reply to a reply: the channel is the root's author, found in includes.tweets
        ...base, item_id: "1790000000000000012", kind: "reply", account_id: comune, author_id: "1500000002", created_at: "2025-05-18T07:50:00.000Z",
        text: "@mario_rossi @ComuneDiEsempio Stessa domanda > via Manzoni", parent_id: "1790000000000000011", root_id: R,
        url: "https://x.com/lucia_bianchi/status/1790000000000000012", mentions: ["mario_rossi", "comunediesempio"]
      },
      {
        // the retweet's text is the original's, whole
        ...base, item_id: "1790000000000000013", kind: "repost", account_id: "1500000003", author_id: "1500000003", created_at: "2025-05-18T08:00:00.000Z",
        text: rText, parent_id: R, root_id: "1790000000000000013", url: "https://x.com/giorgio_v/status/1790000000000000013", hashtags: ["viaroma"]
      },
      {
        ...base, item_id: R, kind: "post", account_id: comune, author_id: comune, created_at: "2025-05-18T07:00:00.000Z",
        text: rText, parent_id: null, root_id: R, url: `https://x.com/ComuneDiEsempio/status/${R}`, hashtags: ["viaroma"]
      },
      {
        ...base, item_id: "1790000000000000014", kind: "quote", account_id: "1500000004", author_id: "1500000004", created_at: "2025-05-18T08:10:00.000Z",
        text: `Finalmente! Speriamo finiscano prima dell'estate https://twitter.com/ComuneDiEsempio/status/${R}`, parent_id: R,
        root_id: "1790000000000000014", url: "https://x.com/anna_neri/status/1790000000000000014"
      },
      {
        ...base, item_id: "1790000000000000015", kind: "post", account_id: "1500000004", author_id: "1500000004", created_at: "2025-05-18T08:20:00.000Z",
        text: "Lettera aperta al sindaco sulla viabilità del centro: i lavori in via Roma sono necessari, ma servono più navette per gli anziani e un calendario chiaro dei cantieri, quartiere per quartiere. #ViaRoma #Navette",
        parent_id: null, root_id: "1790000000000000015", url: "https://x.com/anna_neri/status/1790000000000000015", hashtags: ["viaroma", "navette"], media_count: 1
      },
      {
        // root neither in the file nor answered directly: channel unknown
        ...base, item_id: "1790000000000000016", kind: "reply", account_id: null, author_id: "1500000005", created_at: "2025-05-18T08:30:00.000Z",
        text: "Anche qui stessa situazione", parent_id: "1780000000000000005", root_id: "1780000000000000000",
        url: "https://x.com/pietro_g/status/1790000000000000016"
      },
      {
        // a direct answer to the root: in_reply_to_user_id is the root's author
        ...base, item_id: "1790000000000000017", kind: "reply", account_id: "1500000009", author_id: "1500000006", created_at: "2025-05-18T08:40:00.000Z",
        text: "@ComuneVicino Quando riapre la scuola?", parent_id: "1780000000000000100", root_id: "1780000000000000100",
        url: "https://x.com/sara_blu/status/1790000000000000017", mentions: ["comunevicino"]
      }
    ]);
    expect(rows.counts.filter((c) => c.item_id === R)).toEqual([
      {platform: "x", item_id: R, metric: "likes", metric_source: "public_metrics.like_count", value: 25},
      {platform: "x", item_id: R, metric: "shares", metric_source: "public_metrics.retweet_count", value: 4},
      {platform: "x", item_id: R, metric: "replies", metric_source: "public_metrics.reply_count", value: 2},
      {platform: "x", item_id: R, metric: "quotes", metric_source: "public_metrics.quote_count", value: 1},
      {platform: "x", item_id: R, metric: "bookmarks", metric_source: "public_metrics.bookmark_count", value: 3},
      {platform: "x", item_id: R, metric: "impressions", metric_source: "public_metrics.impression_count", value: 1500}
    ]);
    expect(rows.counts.filter((c) => c.item_id === "1790000000000000013")).toEqual([]);
    expect(rows.counts.filter((c) => c.item_id === "1790000000000000016").map((c) => c.metric)).toEqual(["likes", "shares", "replies", "quotes"]);
    expect(rows.authors.find((a) => a.author_id === "1500000001")).toEqual(
      {platform: "x", author_id: "1500000001", handle: "mario_rossi", name: "Mario Rossi", followers: 120});
    expect(rows.accounts.map((a) => [a.account_id, a.handle, a.followers])).toEqual([
      [comune, "ComuneDiEsempio", 5400], ["1500000003", "giorgio_v", 15], ["1500000004", "anna_neri", 230], ["1500000009", "ComuneVicino", 8800]
    ]);
    expect(JSON.parse(rows.items[0]!.raw)).toMatchObject({id: "1790000000000000011", author_id: "1500000001"});
  });

  it("reads stream messages and skips the line a killed stream cut", async () => {
    const rows = await collectRows(`${dir}/stream.jsonl`);
    expect(rows.parser).toBe("x-api-v2");
    expect(rows.skipped).toEqual({"truncated last line (interrupted capture)": 1});
    expect(rows.exported_at).toBe("2025-05-18T09:01:01.000Z");
    expect(rows.items.map((i) => [i.item_id, i.kind, i.account_id, i.author_id, i.root_id, i.hashtags])).toEqual([
      ["1790000000000000021", "post", "1500000007", "1500000007", "1790000000000000021", ["buche"]],
      ["1790000000000000022", "reply", comune, "1500000008", R, []]
    ]);
  });

  it("reads flattened tweets with the author and referenced tweets inlined", async () => {
    const rows = await collectRows(`${dir}/flat.jsonl`);
    expect(rows.parser).toBe("x-api-v2");
    expect(rows.exported_at).toBe("2025-05-19T10:00:03.000Z");
    expect(rows.items.map((i) => [i.item_id, i.kind, i.account_id, i.author_id, i.parent_id, i.root_id, i.text])).toEqual([
      ["1790000000000000031", "reply", comune, "1500000001", R, R, "@ComuneDiEsempio Grazie per l'aggiornamento!"],
      [R, "post", comune, comune, null, R, rText],
      ["1790000000000000032", "repost", "1500000003", "1500000003", R, "1790000000000000032", rText],
      [R, "post", comune, comune, null, R, rText],
      // quoting a deleted tweet: the reference is only {type, id}, no item for it
      ["1790000000000000033", "quote", "1500000004", "1500000004", "1780000000000000999", "1790000000000000033", "Questo post è sparito"]
    ]);
    expect(rows.authors.find((a) => a.author_id === comune)).toEqual(
      {platform: "x", author_id: comune, handle: "ComuneDiEsempio", name: "Comune di Esempio", followers: 5400});
  });

  it("rejects a broken line in the middle with its line number", async () => {
    await expect(collectRows(`${dir}/bad-middle.jsonl`)).rejects.toThrow(/bad-middle\.jsonl, line 2: invalid JSON line "\{\\"data\\": \[/);
  });

  it("rejects a tweet without created_at, naming the line and the tweet", async () => {
    await expect(collectRows(`${dir}/no-date.jsonl`)).rejects.toThrow(/no-date\.jsonl, line 2, field created_at: tweet 1790000000000000042 without created_at/);
  });

  it("finds a reply's channel from the root met on another line", () => {
    const reply = {id: "3", author_id: "9", created_at: "2025-05-18T07:00:00.000Z", text: "sì", conversation_id: "1", referenced_tweets: [{type: "replied_to", id: "2"}]};
    const context = {users: new Map(), tweets: new Map(), roots: new Map([["1", comune]])};
    expect(mapV2Tweet(reply, context).item).toMatchObject({kind: "reply", account_id: comune, root_id: "1", parent_id: "2"});
    expect(mapV2Tweet(reply, {...context, roots: new Map()}).item.account_id).toBeNull();
  });
});

describe("x-api-v2 into the warehouse", () => {
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());

  it("loads pages and a stream; the comune's post and the replies under it share its channel", async () => {
    const results = await ingestInto(warehouse.path, [`${dir}/search.jsonl`, `${dir}/stream.jsonl`]);
    expect(results.map((r) => [r.format, r.status])).toEqual([["x-api-v2", "loaded"], ["x-api-v2", "loaded"]]);
    expect(await query(warehouse.path, `select item_id, kind from items where account_id = '${comune}' order by item_id`)).toEqual([
      {item_id: R, kind: "post"},
      {item_id: "1790000000000000011", kind: "reply"},
      {item_id: "1790000000000000012", kind: "reply"},
      {item_id: "1790000000000000022", kind: "reply"}
    ]);
    expect(await query(warehouse.path, `select metric, value::integer as value from item_counts_latest where item_id = '${R}' order by metric`)).toEqual([
      {metric: "bookmarks", value: 3}, {metric: "impressions", value: 1500}, {metric: "likes", value: 25},
      {metric: "quotes", value: 1}, {metric: "replies", value: 2}, {metric: "shares", value: 4}
    ]);
    expect(await query(warehouse.path, "select strftime(exported_at at time zone 'UTC', '%Y-%m-%d %H:%M:%S') as at from source_files order by file_id")).toEqual([
      {at: "2025-05-18 08:00:09"}, {at: "2025-05-18 09:01:01"}
    ]);
  });
});

import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";

const dir = "test/fixtures/x/twarc-csv";
const comune = "1111111111";
const R = "1790000000000000001";
const noRaw = <T extends {raw: string}>({raw: _raw, ...row}: T) => row;
const base = {platform: "x", lang_hint: "it", hashtags: [], mentions: [], media_count: 0, url: null};
const rText = "Lavori in via Roma & piazza Duomo da lunedì 19 maggio 🚧\nPercorsi alternativi sul sito. #ViaRoma";

describe("x-twarc-csv", () => {
  it("maps current twarc-csv rows by header name", async () => {
    const rows = await collectRows(`${dir}/tweets.csv`);
    expect(rows.parser).toBe("x-twarc-csv");
    expect(rows.exported_at).toBe("2025-05-18T08:00:05.000Z");
    expect(rows.items.map(noRaw)).toEqual([
      {
        ...base, item_id: R, kind: "post", account_id: comune, author_id: comune, created_at: "2025-05-18T07:00:00.000Z",
        text: rText, parent_id: null, root_id: R, url: `https://x.com/ComuneDiEsempio/status/${R}`, hashtags: ["viaroma"]
      },
      {
        ...base, item_id: "1790000000000000011", kind: "reply", account_id: comune, author_id: "1500000001", created_at: "2025-05-18T07:36:14.000Z",
        text: "@ComuneDiEsempio E per i residenti, il passo carrabile resta \"accessibile\"? 🤔", parent_id: R, root_id: R,
        url: "https://x.com/mario_rossi/status/1790000000000000011", mentions: ["comunediesempio"]
      },
      {
        // --merge-retweets: the row already carries the original's text
        ...base, item_id: "1790000000000000013", kind: "repost", account_id: "1500000003", author_id: "1500000003", created_at: "2025-05-18T08:00:00.000Z",
        text: rText, parent_id: R, root_id: "1790000000000000013", url: "https://x.com/giorgio_v/status/1790000000000000013", hashtags: ["viaroma"]
      },
      {
        ...base, item_id: "1790000000000000012", kind: "reply", account_id: comune, author_id: "1500000002", created_at: "2025-05-18T07:50:00.000Z",
        text: "@mario_rossi @ComuneDiEsempio Stessa domanda > via Manzoni", parent_id: "1790000000000000011", root_id: R,
        url: "https://x.com/lucia_bianchi/status/1790000000000000012", mentions: ["mario_rossi", "comunediesempio"]
      },
      {
        ...base, item_id: "1790000000000000016", kind: "reply", account_id: null, author_id: "1500000005", created_at: "2025-05-18T08:30:00.000Z",
        text: "Anche qui stessa situazione", parent_id: "1780000000000000005", root_id: "1780000000000000000",
        url: "https://x.com/pietro_g/status/1790000000000000016"
      },
      {
        ...base, item_id: "1790000000000000018", kind: "post", account_id: "1500000004", author_id: "1500000004", created_at: "2025-05-18T08:50:00.000Z",
        text: "Domanda: il mercato di sabato si sposta?\nGrazie, \"buona giornata\" 😊", parent_id: null, root_id: "1790000000000000018",
        url: "https://x.com/anna_neri/status/1790000000000000018", media_count: 2
      }
    ]);
    expect(rows.counts.filter((c) => c.item_id === R)).toEqual([
      {platform: "x", item_id: R, metric: "likes", metric_source: "public_metrics.like_count", value: 25},
      {platform: "x", item_id: R, metric: "shares", metric_source: "public_metrics.retweet_count", value: 4},
      {platform: "x", item_id: R, metric: "replies", metric_source: "public_metrics.reply_count", value: 2},
      {platform: "x", item_id: R, metric: "quotes", metric_source: "public_metrics.quote_count", value: 1},
      {platform: "x", item_id: R, metric: "impressions", metric_source: "public_metrics.impression_count", value: 1500}
    ]);
    expect(rows.counts.filter((c) => c.item_id === "1790000000000000013")).toEqual([]);
    expect(rows.counts.filter((c) => c.item_id === "1790000000000000016").map((c) => c.metric)).toEqual(["likes", "shares", "replies", "quotes"]);
    expect(rows.authors.find((a) => a.author_id === "1500000002")).toEqual(
      {platform: "x", author_id: "1500000002", handle: "lucia_bianchi", name: "Lucia Bianchi", followers: 87});
    expect(JSON.parse(rows.items[1]!.raw)).toMatchObject({"id": "1790000000000000011", "referenced_tweets.replied_to.id": R});
  });

  it("maps an older twarc-csv: sorted columns, a referenced_tweets list, JSON-encoded text", async () => {
    const rows = await collectRows(`${dir}/old-version.csv`);
    expect(rows.parser).toBe("x-twarc-csv");
    expect(rows.items.map((i) => [i.item_id, i.kind, i.account_id, i.parent_id, i.root_id, i.text, i.hashtags])).toEqual([
      ["1169734611666198528", "post", comune, null, "1169734611666198528", "Mercato straordinario “di fine estate” in piazza", []],
      ["1169968866866466817", "quote", "1500000001", "1169734611666198528", "1169968866866466817", "Ci sarò! #mercato https://t.co/zjX", ["mercato"]]
    ]);
    expect(rows.exported_at).toBeUndefined();
  });

  it("rejects a row whose list cell is not JSON, naming the line and the field", async () => {
    const {dir: tmp, cleanup} = tempWarehouse();
    try {
      const path = join(tmp, "bad.csv");
      writeFileSync(path, "id,conversation_id,author_id,created_at,text,public_metrics.like_count,entities.hashtags\n"
        + "1,1,5,2025-05-18T07:00:00.000Z,ciao,1,\n2,2,5,2025-05-18T07:00:00.000Z,ciao #x,1,#x\n");
      await expect(collectRows(path)).rejects.toThrow(/bad\.csv, line 3, field entities\.hashtags: entities\.hashtags is not a JSON list: "#x"/);
      writeFileSync(path, "id,conversation_id,author_id,created_at,text,public_metrics.like_count\n1,1,5,18/05/2025,ciao,1\n");
      await expect(collectRows(path)).rejects.toThrow(/bad\.csv, line 2: unrecognised date "18\/05\/2025"/);
    } finally {
      cleanup();
    }
  });
});

describe("x-twarc-csv into the warehouse", () => {
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());

  it("loads the rows with the capture date", async () => {
    const [result] = await ingestInto(warehouse.path, [`${dir}/tweets.csv`]);
    expect(result).toMatchObject({format: "x-twarc-csv", status: "loaded"});
    expect(await query(warehouse.path, "select item_id, account_id from items where kind = 'reply' order by item_id")).toEqual([
      {item_id: "1790000000000000011", account_id: comune},
      {item_id: "1790000000000000012", account_id: comune},
      {item_id: "1790000000000000016", account_id: null}
    ]);
    expect(await query(warehouse.path, "select strftime(exported_at at time zone 'UTC', '%Y-%m-%d %H:%M:%S') as at from source_files"))
      .toEqual([{at: "2025-05-18 08:00:05"}]);
  });
});

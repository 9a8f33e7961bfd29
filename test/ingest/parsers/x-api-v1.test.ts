import {afterAll, describe, expect, it} from "vitest";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";

const dir = "test/fixtures/x/api-v1";
const noRaw = <T extends {raw: string}>({raw: _raw, ...row}: T) => row;
const base = {platform: "x", lang_hint: "it", hashtags: [], mentions: [], media_count: 0};

describe("x-api-v1", () => {
  it("maps statuses with extended text, replies, retweets and quotes; skips and counts notices", async () => {
    const rows = await collectRows(`${dir}/stream.jsonl`);
    expect(rows.parser).toBe("x-api-v1");
    expect(rows.skipped).toEqual({"deletion notice": 1, "blank line": 1, "limit notice": 1});
    expect(rows.items.map(noRaw)).toEqual([
      {
        ...base, item_id: "1129650000000000001", kind: "post", account_id: "1111111111", author_id: "1111111111", created_at: "2019-05-18T07:36:14.000Z",
        text: "Nuovo parcheggio in via Verdi, 120 posti & ricarica elettrica per auto. Apertura lunedì 20 maggio! #Mobilità https://comune.example.it/parcheggio",
        parent_id: null, root_id: "1129650000000000001", url: "https://x.com/ComuneDiEsempio/status/1129650000000000001", hashtags: ["mobilità"]
      },
      {
        // v1.1 has no conversation id: a citizen's reply has no known thread root nor channel
        ...base, item_id: "1129660000000000002", kind: "reply", account_id: null, author_id: "1500000001", created_at: "2019-05-18T08:00:00.000Z",
        text: "@ComuneDiEsempio Finalmente! 👏 Ma sarà a pagamento?", parent_id: "1129650000000000001", root_id: null,
        url: "https://x.com/mario_rossi/status/1129660000000000002", mentions: ["comunediesempio"]
      },
      {
        ...base, item_id: "1129670000000000003", kind: "repost", account_id: "1500000003", author_id: "1500000003", created_at: "2019-05-18T08:10:00.000Z",
        text: "Allerta gialla per temporali: evitate i sottopassi. #AllertaMeteo", parent_id: "1129600000000000000", root_id: "1129670000000000003",
        url: "https://x.com/giorgio_v/status/1129670000000000003", hashtags: ["allertameteo"]
      },
      {
        ...base, item_id: "1129600000000000000", kind: "post", account_id: "3333333333", author_id: "3333333333", created_at: "2019-05-18T06:00:00.000Z",
        text: "Allerta gialla per temporali: evitate i sottopassi. #AllertaMeteo", parent_id: null, root_id: "1129600000000000000",
        url: "https://x.com/ProtezioneCivile/status/1129600000000000000", hashtags: ["allertameteo"]
      },
      {
        ...base, item_id: "1129680000000000004", kind: "quote", account_id: "1500000004", author_id: "1500000004", created_at: "2019-05-18T09:00:00.000Z",
        text: "Bellissima notizia per il quartiere\nhttps://twitter.com/ComuneDiEsempio/status/1129500000000000000",
        parent_id: "1129500000000000000", root_id: "1129680000000000004", url: "https://x.com/anna_neri/status/1129680000000000004"
      },
      {
        ...base, item_id: "1129500000000000000", kind: "post", account_id: "1111111111", author_id: "1111111111", created_at: "2019-05-17T18:00:00.000Z",
        text: "Domani inaugurazione della biblioteca \"Rodari\" 📚", parent_id: null, root_id: "1129500000000000000",
        url: "https://x.com/ComuneDiEsempio/status/1129500000000000000"
      }
    ]);
    expect(rows.counts.filter((c) => c.item_id === "1129600000000000000")).toEqual([
      {platform: "x", item_id: "1129600000000000000", metric: "likes", metric_source: "favorite_count", value: 61},
      {platform: "x", item_id: "1129600000000000000", metric: "shares", metric_source: "retweet_count", value: 40},
      {platform: "x", item_id: "1129600000000000000", metric: "replies", metric_source: "reply_count", value: 3},
      {platform: "x", item_id: "1129600000000000000", metric: "quotes", metric_source: "quote_count", value: 2}
    ]);
    expect(rows.counts.filter((c) => c.item_id === "1129670000000000003")).toEqual([]);
    expect(rows.authors.find((a) => a.author_id === "1500000001")).toEqual(
      {platform: "x", author_id: "1500000001", handle: "mario_rossi", name: "Mario Rossi", followers: 120});
    expect(JSON.parse(rows.items[0]!.raw).id).toBe("1129650000000000001");
  });

  it("skips and counts a cut last line", async () => {
    const rows = await collectRows(`${dir}/killed.jsonl`);
    expect(rows.items.map((i) => i.item_id)).toEqual(["1129650000000000001"]);
    expect(rows.skipped).toEqual({"truncated last line (interrupted capture)": 1});
  });

  it("rejects a broken line in the middle with its line number", async () => {
    await expect(collectRows(`${dir}/bad-middle.jsonl`)).rejects.toThrow(/bad-middle\.jsonl, line 2: invalid JSON line "\{/);
  });

  it("rejects a line that is neither a status nor a known notice", async () => {
    await expect(collectRows(`${dir}/not-a-status.jsonl`)).rejects.toThrow(/not-a-status\.jsonl, line 2: line is not a status: keys \["event","source"\]/);
  });
});

describe("x-api-v1 into the warehouse", () => {
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());

  it("loads a stream capture", async () => {
    const [result] = await ingestInto(warehouse.path, [`${dir}/stream.jsonl`]);
    expect(result).toMatchObject({format: "x-api-v1", status: "loaded", skipped: {"deletion notice": 1, "blank line": 1, "limit notice": 1}});
    expect(await query(warehouse.path, "select kind, count(*)::integer as n from items group by kind order by kind")).toEqual([
      {kind: "post", n: 3}, {kind: "quote", n: 1}, {kind: "reply", n: 1}, {kind: "repost", n: 1}
    ]);
    expect(await query(warehouse.path, "select handle, followers::integer as followers from authors where author_id = '1111111111'"))
      .toEqual([{handle: "ComuneDiEsempio", followers: 5400}]);
  });
});

import {copyFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";
import {facebookPostId, parseCount, parseCrowdTangleTime} from "../../../ingest/parsers/crowdtangle-values.ts";
import {tempDir} from "../../helpers/temp-dir.ts";

const fixtures = "test/fixtures/crowdtangle";
const withoutRaw = <T extends {raw: string}>({raw: _raw, ...row}: T) => row;
const metrics = (rows: Array<{item_id: string; metric: string; metric_source: string; value: number}>, itemId: string) =>
  Object.fromEntries(rows.filter((row) => row.item_id === itemId).map((row) => [row.metric, [row.metric_source, row.value]]));

describe("crowdtangle-csv, Facebook search export", async () => {
  const rows = await collectRows(`${fixtures}/search-facebook.csv`);

  it("is detected by its header", () => expect(rows.parser).toBe("crowdtangle-csv"));

  it("maps each row to a post with the Graph id <pageId>_<postId> and the zone abbreviation applied", () => {
    expect(rows.items.map(withoutRaw)).toEqual([
      {
        platform: "facebook", item_id: "100012345678901_1234567890123456", account_id: "100012345678901", author_id: "100012345678901",
        created_at: "2025-03-04T16:25:09.000Z", kind: "post", parent_id: null, root_id: "100012345678901_1234567890123456",
        text: "Avviso 📢 \"Lavori in via Roma\"\nDa lunedì la strada è chiusa.\n#viabilità @ComuneDiEsempio",
        lang_hint: null, url: "https://www.facebook.com/100012345678901/posts/1234567890123456",
        hashtags: ["viabilità"], mentions: ["comunediesempio"], media_count: null
      },
      {
        platform: "facebook", item_id: "100012345678901_987654321098765", account_id: "100012345678901", author_id: "100012345678901",
        created_at: "2025-06-10T07:00:00.000Z", kind: "post", parent_id: null, root_id: "100012345678901_987654321098765",
        text: "Il sindaco spiega il nuovo piano rifiuti ♻️", lang_hint: null,
        url: "https://www.facebook.com/ComuneDiEsempio/videos/987654321098765/", hashtags: [], mentions: [], media_count: null
      },
      {
        platform: "facebook", item_id: "100012345678901_pfbid02AbCdEf", account_id: "100012345678901", author_id: "100012345678901",
        created_at: "2024-12-24T18:00:00.000Z", kind: "post", parent_id: null, root_id: "100012345678901_pfbid02AbCdEf",
        text: null, lang_hint: null, url: "https://www.facebook.com/100012345678901/posts/pfbid02AbCdEf", hashtags: [], mentions: [], media_count: null
      },
      {
        platform: "facebook", item_id: "200098765432109_5556667778889990", account_id: "200098765432109", author_id: "200098765432109",
        created_at: "2025-01-15T13:30:00.000Z", kind: "post", parent_id: null, root_id: "200098765432109_5556667778889990",
        text: "Sagra & musica, vi aspettiamo!", lang_hint: null, url: "https://www.facebook.com/200098765432109/posts/5556667778889990",
        hashtags: [], mentions: [], media_count: null
      }
    ]);
    expect(JSON.parse(rows.items[0]!.raw)["Overperforming Score (weighted  —  Likes 1x Shares 1x Comments 1x Love 1x Wow 1x Haha 1x Sad 1x Angry 1x Care 1x )"]).toBe("2,7");
  });

  it("reads thousands separators in count columns, sums reactions with Like, and keeps views for videos only", () => {
    expect(metrics(rows.counts, "100012345678901_1234567890123456")).toEqual({
      likes: ["Likes", 1000], replies: ["Comments", 150], shares: ["Shares", 50],
      reactions: ["Likes+Love+Wow+Haha+Sad+Angry+Care", 1034], interactions: ["Total Interactions", 1234]
    });
    expect(metrics(rows.counts, "100012345678901_987654321098765")).toEqual({
      likes: ["Likes", 40000], replies: ["Comments", 10000], shares: ["Shares", 2000],
      reactions: ["Likes+Love+Wow+Haha+Sad+Angry+Care", 40318], interactions: ["Total Interactions", 52318], views: ["Post Views", 125000]
    });
  });

  it("keeps each page's followers from its latest post, and followers at posting per day", () => {
    expect(rows.accounts).toEqual([
      {platform: "facebook", account_id: "100012345678901", handle: "ComuneDiEsempio", display_name: "Comune di Esempio", followers: 12005},
      {platform: "facebook", account_id: "200098765432109", handle: "ProLocoEsempio", display_name: "Pro Loco Esempio", followers: 850}
    ]);
    expect(rows.authors.map((a) => [a.author_id, a.followers])).toEqual([["100012345678901", 12005], ["200098765432109", 850]]);
    expect(rows.account_daily.map((d) => [d.account_id, d.day, d.followers])).toEqual([
      ["100012345678901", "2025-03-04", 11980], ["100012345678901", "2025-06-10", 12005],
      ["100012345678901", "2024-12-24", 11500], ["200098765432109", "2025-01-15", 850]
    ]);
  });
});

describe("crowdtangle-csv, Instagram export", async () => {
  const rows = await collectRows(`${fixtures}/search-instagram.csv`);

  it("maps posts by shortcode under the account's handle, caption from Description", () => {
    expect(rows.parser).toBe("crowdtangle-csv");
    expect(rows.items.map((row) => [row.platform, row.item_id, row.account_id, row.created_at, row.text, row.hashtags, row.mentions])).toEqual([
      ["instagram", "C1a2B3c4D5e", "comunediesempio", "2025-02-01T11:00:00.000Z", "Mercatino di Natale 🎄\n#natale @prolocoesempio", ["natale"], ["prolocoesempio"]],
      ["instagram", "C9z8Y7x6W5v", "comunediesempio", "2025-02-03T18:45:00.000Z", "Consiglio comunale", [], []]
    ]);
    expect(metrics(rows.counts, "C9z8Y7x6W5v")).toEqual({
      likes: ["Likes", 1000], replies: ["Comments", 20], interactions: ["Total Interactions", 1020], views: ["Views", 9876]
    });
    expect(rows.accounts).toEqual([{platform: "instagram", account_id: "comunediesempio", handle: "comunediesempio", display_name: "Comune di Esempio", followers: 4250}]);
  });
});

describe("crowdtangle values", () => {
  it("maps zone abbreviations explicitly and refuses ambiguous or unknown ones", () => {
    expect(parseCrowdTangleTime("2025-03-04 17:25:09 CET")).toBe("2025-03-04T16:25:09.000Z");
    expect(parseCrowdTangleTime("2025-07-04 17:25:09 PDT")).toBe("2025-07-05T00:25:09.000Z");
    expect(() => parseCrowdTangleTime("2025-03-04 17:25:09 IST")).toThrow('ambiguous time zone abbreviation IST in "2025-03-04 17:25:09 IST"');
    expect(() => parseCrowdTangleTime("2025-03-04 17:25:09 XYZ")).toThrow("unknown time zone abbreviation XYZ");
    expect(() => parseCrowdTangleTime("04/03/2025 17:25")).toThrow('unrecognised CrowdTangle date "04/03/2025 17:25"');
  });

  it("reads counts as integers and refuses decimals", () => {
    expect([parseCount("52.318", "x"), parseCount("52,318", "x"), parseCount("1.234.567", "x"), parseCount("N/A", "x"), parseCount("", "x")]).toEqual([52318, 52318, 1234567, null, null]);
    expect(() => parseCount("2,7", "Likes")).toThrow('field Likes: unreadable count "2,7"');
  });

  it("finds the post id in every URL shape and never takes the page id for it", () => {
    expect(facebookPostId("https://www.facebook.com/groups/111/permalink/222/")).toBe("222");
    expect(facebookPostId("https://www.facebook.com/photo.php?fbid=333&set=a.1")).toBe("333");
    expect(facebookPostId("https://www.facebook.com/Comune/photos/a.444/555/")).toBe("555");
    expect(() => facebookPostId("https://www.facebook.com/100012345678901/")).toThrow('no post id in URL "https://www.facebook.com/100012345678901/"');
  });
});

describe("crowdtangle-csv errors", () => {
  const dir = tempDir("ascolto-ct-");
  const header = "Page Name,User Name,Facebook Id,Likes at Posting,Followers at Posting,Post Created,Type,Likes,Comments,Shares,URL,Message\n";
  const write = (name: string, line: string) => {
    writeFileSync(join(dir, name), `\ufeff${header}${line}\n`);
    return join(dir, name);
  };
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());

  it("rejects an ambiguous zone with the file, line and value", async () => {
    const path = write("ist.csv", "P,p,123,1,1,2025-03-04 17:25:09 IST,Status,1,0,0,https://www.facebook.com/123/posts/456,ciao");
    await expect(collectRows(path)).rejects.toThrow(`${path}, line 2, field Post Created: ambiguous time zone abbreviation IST in "2025-03-04 17:25:09 IST"`);
  });

  it("rejects a page id spoiled by a spreadsheet", async () => {
    const path = write("sci.csv", "P,p,1.00012E+14,1,1,2025-03-04 17:25:09 CET,Status,1,0,0,https://www.facebook.com/123/posts/456,ciao");
    await expect(collectRows(path)).rejects.toThrow(`${path}, line 2, field Facebook Id: Facebook Id 1.00012E+14 lost its digits to scientific notation`);
  });

  it("rejects a URL without a post id", async () => {
    const path = write("url.csv", "P,p,123,1,1,2025-03-04 17:25:09 CET,Status,1,0,0,https://www.facebook.com/123,ciao");
    await expect(collectRows(path)).rejects.toThrow(`${path}, line 2, field URL: no post id in URL "https://www.facebook.com/123"`);
  });

  it("loads into the warehouse: items, latest counts and accounts", async () => {
    const [result] = await ingestInto(warehouse.path, [`${fixtures}/search-facebook.csv`]);
    expect(result).toMatchObject({status: "loaded", format: "crowdtangle-csv", rows: {items: 4, accounts: 2, authors: 2, account_daily: 4}});
    expect(await query(warehouse.path, "select item_id, created_at::varchar as created_at from items order by created_at")).toEqual([
      {item_id: "100012345678901_pfbid02AbCdEf", created_at: "2024-12-24 18:00:00+00"},
      {item_id: "200098765432109_5556667778889990", created_at: "2025-01-15 13:30:00+00"},
      {item_id: "100012345678901_1234567890123456", created_at: "2025-03-04 16:25:09+00"},
      {item_id: "100012345678901_987654321098765", created_at: "2025-06-10 07:00:00+00"}
    ]);
    expect(await query(warehouse.path, "select metric, value from item_counts_latest where item_id = '100012345678901_987654321098765' order by metric")).toEqual([
      {metric: "interactions", value: 52318}, {metric: "likes", value: 40000}, {metric: "reactions", value: 40318},
      {metric: "replies", value: 10000}, {metric: "shares", value: 2000}, {metric: "views", value: 125000}
    ]);
    expect(await query(warehouse.path, "select account_id, followers::integer as followers from accounts order by account_id")).toEqual([
      {account_id: "100012345678901", followers: 12005}, {account_id: "200098765432109", followers: 850}
    ]);
  });
});

describe("crowdtangle-csv export time", () => {
  it("dates the file from its CrowdTangle name", async () => {
    const dir = tempDir("ascolto-ct-name-");
    const path = join(dir, "2025-06-11-10-30-00-CEST-search-csv-export.csv");
    copyFileSync(`${fixtures}/search-facebook.csv`, path);
    expect((await collectRows(path)).exported_at).toBe("2025-06-11T08:30:00.000Z");
    expect((await collectRows(`${fixtures}/search-facebook.csv`)).exported_at).toBeUndefined();
  });
});

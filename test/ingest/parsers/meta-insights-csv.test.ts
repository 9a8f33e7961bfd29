import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {collectRows} from "../../helpers/rows.ts";

const dir = join(import.meta.dirname, "../../fixtures/meta-insights");
const fixture = (name: string) => join(dir, name);

describe("meta-insights-csv content exports", () => {
  it("maps an English Instagram posts export: quoted thousands, N/A and '-', a DST gap, a multi-line caption", async () => {
    const rows = await collectRows(fixture("instagram-posts-en.csv"));
    expect(rows.parser).toBe("meta-insights-csv");
    const {raw, ...first} = rows.items[0]!;
    expect(first).toEqual({
      platform: "instagram", item_id: "18034567890123457", kind: "post",
      account_id: "17841401234567890", author_id: "17841401234567890",
      created_at: "2024-03-15T17:30:00.000Z",
      text: "Festa patronale in piazza 🎉 #FestaDiSanRocco #Città\nGrazie a @prolocoesempio e a tutti i volontari!",
      lang_hint: null, parent_id: null, root_id: "18034567890123457",
      url: "https://www.instagram.com/p/C4aBcDeFgHi/",
      hashtags: ["festadisanrocco", "città"], mentions: ["prolocoesempio"], media_count: null
    });
    // unknown columns stay in raw, exactly as exported
    expect(JSON.parse(raw)).toMatchObject({"Follows": "3", "Data comment": "", "Date": "Lifetime", "Views": "15,000"});
    // 02:30 on 31 March 2024 does not exist in Rome: read as 03:30 CEST
    expect(rows.items.map((row) => [row.item_id, row.created_at, row.text])).toEqual([
      ["18034567890123457", "2024-03-15T17:30:00.000Z", first.text],
      ["18034567890123458", "2024-03-31T01:30:00.000Z", 'Chiusura strade: "via Roma" chiusa dalle 8 alle 12'],
      ["18034567890123459", "2024-04-02T07:05:00.000Z", null]
    ]);
    expect(rows.counts.map((c) => [c.item_id.slice(-1), c.metric, c.metric_source, c.value])).toEqual([
      ["7", "views", "Views", 15000], ["7", "reach", "Reach", 9800], ["7", "likes", "Likes", 410],
      ["7", "replies", "Comments", 27], ["7", "shares", "Shares", 12], ["7", "saves", "Saves", 55],
      ["8", "views", "Views", 2300], ["8", "reach", "Reach", 1800], ["8", "likes", "Likes", 95], ["8", "replies", "Comments", 4]
    ]);
    expect(rows.accounts).toEqual([
      {platform: "instagram", account_id: "17841401234567890", handle: "comunediesempio", display_name: "Comune di Esempio", followers: null}
    ]);
    expect(rows.authors).toEqual([
      {platform: "instagram", author_id: "17841401234567890", handle: "comunediesempio", name: "Comune di Esempio", followers: null}
    ]);
    expect(rows.skipped).toEqual({});
  });

  it("maps an Italian-UI Facebook posts export (US dates, fall-back hour) with the synonym table", async () => {
    const rows = await collectRows(fixture("facebook-posts-it.csv"));
    expect(rows.items.map((row) => [row.platform, row.item_id, row.account_id, row.created_at, row.url, row.hashtags])).toEqual([
      // the bare Post ID becomes the Graph form "<page id>_<post id>", so the post is one item across sources
      ["facebook", "104512345678901_1234567890123456789", "104512345678901", "2024-10-27T00:30:00.000Z",
        "https://www.facebook.com/104512345678901/posts/1234567890123456789", ["ambiente"]],
      ["facebook", "104512345678901_1234567890123456790", "104512345678901", "2024-10-27T02:15:00.000Z",
        "https://www.facebook.com/104512345678901/posts/1234567890123456790", []]
    ]);
    // Descrizione wins over Titolo; a post with neither has no text
    expect(rows.items[0]!.text).toBe("Da lunedì cambia il calendario della raccolta ♻️ #ambiente\nInfo: https://www.comune.esempio.it");
    expect(rows.items[1]!.text).toBeNull();
    expect(rows.counts.filter((c) => c.item_id.endsWith("789")).map((c) => [c.metric, c.metric_source, c.value])).toEqual([
      ["views", "Visualizzazioni", 1234], ["reach", "Copertura", 980],
      ["interactions", "Reazioni, commenti e condivisioni", 57], ["reactions", "Reazioni", 40],
      ["replies", "Commenti", 12], ["shares", "Condivisioni", 5]
    ]);
    expect(rows.accounts).toEqual([
      {platform: "facebook", account_id: "104512345678901", handle: null, display_name: "Comune di Esempio", followers: null}
    ]);
  });

  it("reads an Italian Excel re-save: Windows-1252, ';', DD/MM dates, '.' thousands, an empty row", async () => {
    const rows = await collectRows(fixture("facebook-posts-it-excel.csv"));
    expect(rows.items.map((row) => [row.item_id, row.created_at, row.text])).toEqual([
      ["104512345678901_9876543210987654", "2024-04-15T06:00:00.000Z", "Lavori in città: perché la strada è chiusa"],
      ["104512345678901_9876543210987655", "2024-05-03T15:45:00.000Z", "Consiglio comunale, ore 18 – tutti invitati"]
    ]);
    expect(JSON.parse(rows.items[0]!.raw)["Qualità"]).toBe("alta");
    expect(rows.counts.filter((c) => c.metric === "views" || c.metric === "reach").map((c) => [c.item_id, c.metric, c.value])).toEqual([
      ["104512345678901_9876543210987654", "views", 1234], ["104512345678901_9876543210987654", "reach", 1050]
    ]);
    // the second post's '-' and empty cells are absent counts, not zeros
    expect(rows.counts.some((c) => c.item_id === "104512345678901_9876543210987655")).toBe(false);
    expect(rows.skipped).toEqual({"empty row": 1});
  });

  it("maps a Facebook videos export: video id as item, 3-second views as video_views, 1-minute views kept raw", async () => {
    const rows = await collectRows(fixture("facebook-videos-en.csv"));
    expect(rows.items.map(({raw: _, ...row}) => row)).toEqual([{
      platform: "facebook", item_id: "987654321098765432", kind: "post", account_id: "104512345678901",
      author_id: "104512345678901", created_at: "2024-01-09T11:00:00.000Z", text: 'Il sindaco risponde: "bilancio 2024"',
      lang_hint: null, parent_id: null, root_id: "987654321098765432", url: null, hashtags: [], mentions: [], media_count: null
    }]);
    expect(rows.counts.map((c) => [c.metric, c.metric_source, c.value])).toEqual([
      ["reach", "Reach", 5243], ["reactions", "Reactions", 35], ["replies", "Comments", 12], ["shares", "Shares", 8],
      ["video_views", "3-second video views", 1423]
    ]);
  });
});

describe("meta-insights-csv legacy post level", () => {
  it("drops the description row, takes the Page from the post id and its name from the file name", async () => {
    const rows = await collectRows(fixture("Facebook Insights Data Export (Post Level) - Comune di Esempio - 2017-07-27.csv"));
    expect(rows.items.map((row) => [row.item_id, row.account_id, row.created_at, row.text, row.hashtags])).toEqual([
      ["104512345678901_1712345678901234", "104512345678901", "2017-07-26T08:00:00.000Z", "Avviso: l'ufficio anagrafe è chiuso sabato #anagrafe", ["anagrafe"]],
      ["104512345678901_1712345678901235", "104512345678901", "2017-07-27T16:05:00.000Z", null, []]
    ]);
    expect(rows.counts.map((c) => [c.item_id.slice(-1), c.metric, c.metric_source, c.value])).toEqual([
      ["4", "impressions", "Lifetime Post Total Impressions", 2987], ["4", "reach", "Lifetime Post Total Reach", 1530]
    ]);
    expect(rows.accounts).toEqual([
      {platform: "facebook", account_id: "104512345678901", handle: null, display_name: "Comune di Esempio", followers: null}
    ]);
    expect(rows.skipped).toEqual({"legacy description row": 1});
  });
});

describe("meta-insights-csv daily exports", () => {
  it("maps a legacy page-level export, drops its description row, names the account from the file name", async () => {
    const rows = await collectRows(fixture("Facebook Insights Data Export - Comune di Esempio - 2024-03-31.csv"));
    const day = {platform: "facebook", account_id: "name:comune di esempio"};
    expect(rows.account_daily).toEqual([
      {...day, day: "2024-03-30", followers: 4210, follows_gained: 7, follows_lost: 1, impressions: 2987, reach: 1530, profile_visits: 41, engagements: 88},
      {...day, day: "2024-03-31", followers: 4216, follows_gained: 6, follows_lost: 0, impressions: 3004, reach: 1712, profile_visits: null, engagements: 102}
    ]);
    expect(rows.accounts).toEqual([{...day, handle: null, display_name: "Comune di Esempio", followers: null}]);
    expect(rows.skipped).toEqual({"legacy description row": 1});
  });

  it("maps an Italian wide daily export with a page id column, DD/MM days and '.' thousands", async () => {
    const rows = await collectRows(fixture("daily-it.csv"));
    const day = {platform: "facebook", account_id: "104512345678901", follows_lost: null, engagements: null};
    expect(rows.account_daily).toEqual([
      {...day, day: "2024-03-01", followers: 4210, follows_gained: 7, impressions: 2987, reach: 1530, profile_visits: 41},
      {...day, day: "2024-03-02", followers: 4216, follows_gained: 6, impressions: 3004, reach: null, profile_visits: null},
      {...day, day: "2024-03-13", followers: 4220, follows_gained: 4, impressions: 2100, reach: 1101, profile_visits: 38}
    ]);
  });

  it("maps a UTF-16 single-metric Business Suite export, account from its folder", async () => {
    const rows = await collectRows(fixture("Comune di Esempio/Facebook follows.csv"));
    const empty = {followers: null, follows_lost: null, impressions: null, reach: null, profile_visits: null, engagements: null};
    expect(rows.account_daily).toEqual([
      {platform: "facebook", account_id: "name:comune di esempio", day: "2024-03-30", ...empty, follows_gained: 7},
      {platform: "facebook", account_id: "name:comune di esempio", day: "2024-03-31", ...empty, follows_gained: 6}
    ]);
    expect(rows.accounts).toEqual([
      {platform: "facebook", account_id: "name:comune di esempio", handle: null, display_name: "Comune di Esempio", followers: null}
    ]);
  });

  it("counts the days of a single-metric export without a canonical column under a named rule", async () => {
    const rows = await collectRows(fixture("Comune di Esempio/Facebook link clicks.csv"));
    expect(rows.account_daily).toEqual([]);
    expect(rows.skipped).toEqual({"daily metric without a canonical column (Facebook link clicks)": 2});
  });
});

describe("meta-insights-csv errors", () => {
  const cases: Array<[string, string]> = [
    ["scientific-ids.csv", 'scientific-ids.csv, line 3, field Post ID: id "1.23457E+17" was turned into scientific notation by a spreadsheet and lost its digits'],
    ["shifted-columns.csv", "shifted-columns.csv, line 3: invalid record length: columns length is 7, got 8 on line 3"],
    ["per-day-breakdown.csv", 'per-day-breakdown.csv, line 2, field Date: per-day breakdown (Date "03/16/2024") is not supported'],
    ["bad-number.csv", 'bad-number.csv, line 2, field Reach: unreadable number "molti"'],
    // the first row decides day-first (15/01); the second contradicts it
    ["mixed-date-order.csv", 'mixed-date-order.csv, line 3, field Publish time: impossible date "01/16/2024 12:00"'],
    ["daily-no-account.csv", "daily-no-account.csv: no page or account id column and no page name in the file name"],
    ["Comune di Esempio/Views.csv", 'Views.csv, line 2: cannot tell whether "Views" is facebook or instagram: put its page folder inside a folder named facebook or instagram']
  ];
  it.each(cases)("rejects %s", async (name, message) => {
    await expect(collectRows(fixture(name))).rejects.toThrow(message);
  });
});

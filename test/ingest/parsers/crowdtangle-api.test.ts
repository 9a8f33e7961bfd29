import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {collectRows} from "../../helpers/warehouse.ts";
import {tempDir} from "../../helpers/temp-dir.ts";

const withoutRaw = <T extends {raw: string}>({raw: _raw, ...row}: T) => row;

describe("crowdtangle-api", async () => {
  const rows = await collectRows("test/fixtures/crowdtangle/api-posts.json");

  it("is detected from the response envelope and post fields", () => expect(rows.parser).toBe("crowdtangle-api"));

  it("maps posts with ids agreeing with the CSV export, dates read as UTC", () => {
    expect(rows.items.map(withoutRaw)).toEqual([
      {
        platform: "facebook", item_id: "100012345678901_1234567890123456", account_id: "100012345678901", author_id: "100012345678901",
        created_at: "2025-03-04T16:25:09.000Z", kind: "post", parent_id: null, root_id: "100012345678901_1234567890123456",
        text: "Avviso 📢 \"Lavori in via Roma\"\nDa lunedì la strada è chiusa.\n#viabilità", lang_hint: "it",
        url: "https://www.facebook.com/ComuneDiEsempio/posts/1234567890123456", hashtags: ["viabilità"], mentions: [], media_count: 1
      },
      {
        platform: "instagram", item_id: "C1a2B3c4D5e", account_id: "comunediesempio", author_id: "comunediesempio",
        created_at: "2025-02-01T11:00:00.000Z", kind: "post", parent_id: null, root_id: "C1a2B3c4D5e",
        text: "Mercatino di Natale 🎄 #natale @prolocoesempio", lang_hint: "it",
        url: "https://www.instagram.com/p/C1a2B3c4D5e/", hashtags: ["natale"], mentions: ["prolocoesempio"], media_count: 2
      },
      {
        platform: "facebook", item_id: "200098765432109_5556667778889990", account_id: "200098765432109", author_id: "200098765432109",
        created_at: "2025-01-15T13:30:00.000Z", kind: "post", parent_id: null, root_id: "200098765432109_5556667778889990",
        text: null, lang_hint: null, url: "https://www.facebook.com/200098765432109/posts/5556667778889990",
        hashtags: [], mentions: [], media_count: null
      }
    ]);
    expect(JSON.parse(rows.items[0]!.raw).id).toBe(70157825663);
  });

  it("reads statistics.actual, with every reaction (Like included) summed", () => {
    expect(rows.counts.filter((c) => c.item_id === "100012345678901_1234567890123456").map((c) => [c.metric, c.metric_source, c.value])).toEqual([
      ["likes", "likeCount", 1010], ["replies", "commentCount", 160], ["shares", "shareCount", 52],
      ["reactions", "likeCount+loveCount+wowCount+hahaCount+sadCount+angryCount+careCount+thankfulCount", 1045]
    ]);
    expect(rows.counts.filter((c) => c.item_id === "C1a2B3c4D5e").map((c) => [c.metric, c.metric_source, c.value])).toEqual([
      ["likes", "favoriteCount", 305], ["replies", "commentCount", 11]
    ]);
  });

  it("takes accounts from the post's account and followers at posting per day", () => {
    expect(rows.accounts).toEqual([
      {platform: "facebook", account_id: "100012345678901", handle: "ComuneDiEsempio", display_name: "Comune di Esempio", followers: 12100},
      {platform: "instagram", account_id: "comunediesempio", handle: "comunediesempio", display_name: "Comune di Esempio", followers: 4300},
      {platform: "facebook", account_id: "200098765432109", handle: "ProLocoEsempio", display_name: "Pro Loco Esempio", followers: null}
    ]);
    expect(rows.account_daily.map((d) => [d.platform, d.account_id, d.day, d.followers])).toEqual([
      ["facebook", "100012345678901", "2025-03-04", 11980], ["instagram", "comunediesempio", "2025-02-01", 4210]
    ]);
  });

  it("reads a bare array of posts too, and refuses other platforms naming the value", async () => {
    const dir = tempDir("ascolto-ct-api-");
    const path = join(dir, "posts.json");
    const post = {platformId: "1_2", platform: "Reddit", date: "2025-01-01 00:00:00", postUrl: "https://reddit.com/r/x", statistics: {actual: {}}, account: {platformId: "1"}};
    writeFileSync(path, JSON.stringify([post]));
    await expect(collectRows(path)).rejects.toThrow(`${path}, record 1, field platform: unsupported CrowdTangle platform "Reddit"`);
    writeFileSync(path, JSON.stringify([{...post, platform: "Facebook", date: "2025-01-01T00:00:00+0100"}]));
    expect((await collectRows(path)).items[0]!.created_at).toBe("2024-12-31T23:00:00.000Z");
  });
});

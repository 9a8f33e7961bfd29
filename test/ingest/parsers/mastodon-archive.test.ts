import {afterAll, describe, expect, it} from "vitest";
import {accountKeyFromUri, accountKeyOf, statusRef} from "../../../ingest/parsers/mastodon-ids.ts";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";

const fixtures = "test/fixtures/mastodon";
const withoutRaw = <T extends {raw: string}>({raw: _raw, ...row}: T) => row;
const owner = "comuneesempio@mastodon.example";

describe("mastodon-archive: outbox.json", async () => {
  const rows = await collectRows(`${fixtures}/archive`, {only: "outbox.json"});

  it("is detected from the OrderedCollection", () => expect(rows.parser).toBe("mastodon-archive"));

  it("maps a Note: home-server id, HTML to text, tags from `tag`, language from contentMap, attachments", () => {
    expect(withoutRaw(rows.items[0]!)).toEqual({
      platform: "mastodon", item_id: "110000000000000001", account_id: owner, author_id: owner,
      created_at: "2023-06-14T18:03:21.000Z", kind: "post", parent_id: null, root_id: "110000000000000001",
      text: "Avviso: strade chiuse per la \"Sagra\" 🎉\nInfo: https://example.it/sagra\n\n#Esempio @prolocoesempio", lang_hint: "it",
      url: "https://mastodon.example/@ComuneEsempio/110000000000000001", hashtags: ["esempio"], mentions: ["prolocoesempio@altro.example"], media_count: 1
    });
  });

  it("threads the owner's replies, keeps other servers' parents as URIs, and maps boosts as reposts", () => {
    expect(rows.items.slice(1).map((i) => [i.item_id, i.kind, i.account_id, i.parent_id, i.root_id, i.text])).toEqual([
      ["110000000000000002", "reply", owner, "110000000000000001", "110000000000000001", "Aggiornamento: riapertura alle 23:00"],
      ["110000000000000003", "reply", "mario@altro.example", "https://altro.example/users/mario/statuses/987654321098765432", null,
        "@mario grazie della segnalazione, inviamo una squadra"],
      ["110000000000000005", "post", owner, null, "110000000000000005", "Lutto cittadino\n\nBandiere a mezz'asta"],
      ["110000000000000006", "repost", owner, "https://altro.example/users/prolocoesempio/statuses/110999999999999999", null, null],
      ["110000000000000007", "repost", owner, "110000000000000001", null, null]
    ]);
  });

  it("skips and counts direct messages; takes the owner from actor.json beside it", () => {
    expect(rows.skipped).toEqual({"direct message (private, not loaded)": 1});
    expect(rows.accounts).toEqual([{platform: "mastodon", account_id: owner, handle: owner, display_name: "Comune di Esempio 🏛️", followers: null}]);
  });
});

describe("mastodon-archive: actor.json and likes.json", () => {
  it("reads the owner from actor.json", async () => {
    const rows = await collectRows(`${fixtures}/archive/actor.json`);
    expect([rows.parser, rows.items.length, rows.authors]).toEqual([
      "mastodon-archive", 0, [{platform: "mastodon", author_id: owner, handle: owner, name: "Comune di Esempio 🏛️", followers: null}]
    ]);
  });

  it("recognises likes.json and counts its URLs as skipped", async () => {
    const rows = await collectRows(`${fixtures}/archive/likes.json`);
    expect([rows.parser, rows.items.length, rows.skipped]).toEqual(["mastodon-archive", 0, {"liked post (a URL only, not loaded)": 2}]);
  });

  it("reads the owner from the activities' actor when actor.json is missing", async () => {
    const alone = await collectRows(`${fixtures}/archive/outbox.json`);
    expect(alone.accounts).toEqual([{platform: "mastodon", account_id: owner, handle: owner, display_name: null, followers: null}]);
    expect(alone.items[0]!.author_id).toBe(owner);
  });
});

describe("mastodon ids", () => {
  it("writes accounts as user@host from URIs and API accounts", () => {
    expect(accountKeyFromUri("https://mastodon.example/users/ComuneEsempio")).toBe(owner);
    expect(accountKeyFromUri("https://altro.example/@mario")).toBe("mario@altro.example");
    expect(accountKeyOf({acct: "ComuneEsempio", username: "ComuneEsempio", url: "https://mastodon.example/@ComuneEsempio"})).toBe(owner);
    expect(accountKeyOf({acct: "anna@terzo.example", url: "https://terzo.example/@anna"})).toBe("anna@terzo.example");
  });

  it("keeps the home server's status id, and other servers' URIs whole", () => {
    expect(statusRef("https://mastodon.example/users/x/statuses/110000000000000001/activity", "mastodon.example")).toBe("110000000000000001");
    expect(statusRef("https://altro.example/users/x/statuses/5", "mastodon.example")).toBe("https://altro.example/users/x/statuses/5");
  });
});

describe("mastodon-archive: errors", () => {
  it("rejects an unreadable date naming the file, record and field", async () => {
    await expect(collectRows(`${fixtures}/bad-outbox.json`)).rejects.toThrow(
      `${fixtures}/bad-outbox.json, record 2, field published: unrecognised date "14/06/2023"`);
  });
});

describe("mastodon-archive: into the warehouse", async () => {
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());
  const results = await ingestInto(warehouse.path, [`${fixtures}/archive`]);

  it("loads the whole archive folder, likes counted and not rejected", async () => {
    expect(results.map((r) => [r.path.split("/").pop(), r.status])).toEqual([
      ["actor.json", "loaded"], ["likes.json", "loaded"], ["outbox.json", "loaded"]
    ]);
    expect(await query(warehouse.path, "select kind, count(*)::integer as n from items group by kind order by kind")).toEqual([
      {kind: "post", n: 2}, {kind: "reply", n: 2}, {kind: "repost", n: 2}
    ]);
    expect(await query(warehouse.path, "select account_id, display_name from accounts order by account_id")).toEqual([
      {account_id: owner, display_name: "Comune di Esempio 🏛️"}
    ]);
  });
});

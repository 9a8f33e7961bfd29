import {afterAll, describe, expect, it} from "vitest";
import {indexStatuses, threadOf} from "../../../ingest/parsers/mastodon-thread.ts";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";

const fixtures = "test/fixtures/mastodon";
const withoutRaw = <T extends {raw: string}>({raw: _raw, ...row}: T) => row;
const owner = "comuneesempio@mastodon.example";

describe("mastodon-api: a list of statuses", async () => {
  const rows = await collectRows(`${fixtures}/api/statuses.json`);

  it("is detected from the status fields", () => expect(rows.parser).toBe("mastodon-api"));

  it("maps a status with the same id as the archive's, HTML to text, API tags", () => {
    expect(withoutRaw(rows.items[0]!)).toEqual({
      platform: "mastodon", item_id: "110000000000000001", account_id: owner, author_id: owner,
      created_at: "2023-06-14T18:03:21.000Z", kind: "post", parent_id: null, root_id: "110000000000000001",
      text: "Avviso: strade chiuse per la \"Sagra\" 🎉\n\n#Esempio", lang_hint: "it",
      url: "https://mastodon.example/@ComuneEsempio/110000000000000001", hashtags: ["esempio"], mentions: [], media_count: 1
    });
  });

  it("maps a boost as a repost of the boosted status, which is loaded too", () => {
    expect(rows.items.slice(1).map((i) => [i.item_id, i.kind, i.account_id, i.author_id, i.parent_id, i.text])).toEqual([
      ["110000000000000007", "repost", owner, owner, "110500000000000009", null],
      ["110500000000000009", "post", "prolocoesempio@altro.example", "prolocoesempio@altro.example", null, "Tutti alla sagra!"]
    ]);
  });

  it("reads counts (none for the boost wrapper) and skips direct messages", () => {
    expect(rows.counts.map((c) => [c.item_id, c.metric, c.metric_source, c.value])).toEqual([
      ["110000000000000001", "replies", "replies_count", 2], ["110000000000000001", "shares", "reblogs_count", 5],
      ["110000000000000001", "likes", "favourites_count", 11],
      ["110500000000000009", "replies", "replies_count", 1], ["110500000000000009", "shares", "reblogs_count", 3],
      ["110500000000000009", "likes", "favourites_count", 8]
    ]);
    expect(rows.skipped).toEqual({"direct message (private, not loaded)": 1});
    expect(rows.accounts.map((a) => [a.account_id, a.followers])).toEqual([[owner, 1520], ["prolocoesempio@altro.example", 230]]);
  });
});

describe("mastodon-api: a context response", async () => {
  const rows = await collectRows(`${fixtures}/api/context.json`);

  it("puts every reply under the focal status it leaves out, on the root's account", () => {
    expect(rows.items.map((i) => [i.item_id, i.kind, i.account_id, i.author_id, i.parent_id, i.root_id])).toEqual([
      ["110000000000000101", "reply", owner, "mario@altro.example", "110000000000000001", "110000000000000001"],
      ["110000000000000102", "reply", owner, owner, "110000000000000101", "110000000000000001"],
      ["110000000000000103", "reply", owner, "anna@terzo.example", "110000000000000001", "110000000000000001"]
    ]);
  });

  it("keeps the content warning above the text and mentions as user@host", () => {
    expect(rows.items.map((i) => [i.text, i.mentions])).toEqual([
      ["@ComuneEsempio e i residenti? Come entriamo & usciamo?", [owner]],
      ["@mario con il pass residenti 👍", ["mario@altro.example"]],
      ["polemica\n\nSempre le solite chiusure\nogni anno", []]
    ]);
    expect(rows.authors.map((a) => [a.author_id, a.name, a.followers])).toEqual([
      ["mario@altro.example", "mario", 12], [owner, "Comune di Esempio 🏛️", 1521], ["anna@terzo.example", "Anna ✨", 40]
    ]);
  });
});

describe("mastodon-api: threads", () => {
  const status = (id: string, parent: string | null, acct: string) =>
    ({id, in_reply_to_id: parent, account: {id: acct, acct: `${acct}@x.example`}});

  it("follows ancestors given by a context response to the thread's root", () => {
    const index = indexStatuses([status("1", null, "a"), status("3", "2", "c")], {ancestors: [status("1", null, "a")], descendants: [status("3", "2", "c")]});
    expect(threadOf("3", index)).toEqual({root: "1", account: "a@x.example"});
  });

  it("leaves the root unknown when the chain leaves the file, keeping the farthest known account", () => {
    const index = indexStatuses([status("3", "2", "c"), status("4", "3", "d")], null);
    expect(threadOf("4", index)).toEqual({root: null, account: "c@x.example"});
  });
});

describe("mastodon-api: errors", () => {
  it("rejects a status without id naming the file, record and field", async () => {
    await expect(collectRows(`${fixtures}/bad-status.json`)).rejects.toThrow(`${fixtures}/bad-status.json, record 1, field id: status without id`);
  });
});

describe("mastodon-api: into the warehouse with the archive", async () => {
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());
  const results = await ingestInto(warehouse.path, [`${fixtures}/archive/outbox.json`, `${fixtures}/api/statuses.json`, `${fixtures}/api/context.json`]);

  it("joins the archive's statuses, the API's counts and the citizens' replies on the same ids", async () => {
    expect(results.map((r) => r.status)).toEqual(["loaded", "loaded", "loaded"]);
    expect(await query(warehouse.path, "select item_id, kind from items where root_id = '110000000000000001' order by item_id")).toEqual([
      {item_id: "110000000000000001", kind: "post"}, {item_id: "110000000000000002", kind: "reply"},
      {item_id: "110000000000000101", kind: "reply"}, {item_id: "110000000000000102", kind: "reply"},
      {item_id: "110000000000000103", kind: "reply"}
    ]);
    expect(await query(warehouse.path, "select metric, value::integer as value from item_counts_latest where item_id = '110000000000000001' order by metric")).toEqual([
      {metric: "likes", value: 11}, {metric: "replies", value: 2}, {metric: "shares", value: 5}
    ]);
    // followers differ between the two API files: which wins depends on their dates, not asserted here
    expect(await query(warehouse.path, "select account_id, display_name from accounts order by account_id")).toEqual([
      {account_id: owner, display_name: "Comune di Esempio 🏛️"}, {account_id: "prolocoesempio@altro.example", display_name: "Pro Loco"}
    ]);
  });
});

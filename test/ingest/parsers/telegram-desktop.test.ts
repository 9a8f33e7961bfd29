import {afterAll, describe, expect, it} from "vitest";
import {textOf} from "../../../ingest/parsers/telegram-desktop.ts";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";

const fixtures = "test/fixtures/telegram";
const withoutRaw = <T extends {raw: string}>({raw: _raw, ...row}: T) => row;

describe("telegram-desktop: a channel's result.json", async () => {
  const rows = await collectRows(`${fixtures}/channel.json`);

  it("is detected from the chat header and the messages array", () => expect(rows.parser).toBe("telegram-desktop"));

  it("maps channel posts with ids unique across chats, text from text_entities, entity tags", () => {
    expect(withoutRaw(rows.items[0]!)).toEqual({
      platform: "telegram", item_id: "1234567890/812", account_id: "1234567890", author_id: "1234567890",
      created_at: "2024-10-12T06:45:10.000Z", kind: "post", parent_id: null, root_id: "1234567890/812",
      text: "Orari dell'\"Ufficio Tributi\" qui\n#Tributi @ProLocoEsempio", lang_hint: null, url: null,
      hashtags: ["tributi"], mentions: ["prolocoesempio"], media_count: 0
    });
    expect(JSON.parse(rows.items[0]!.raw).reactions).toHaveLength(2);
  });

  it("keeps replies inside the channel, media placeholders and empty text as null", () => {
    expect(rows.items.slice(1).map((i) => [i.item_id, i.kind, i.parent_id, i.root_id, i.text, i.media_count])).toEqual([
      ["1234567890/813", "post", null, "1234567890/813", "Foto dal mercato 🍅", 1],
      ["1234567890/814", "reply", "1234567890/812", "1234567890/812", "Aggiornamento: ufficio chiuso lunedì #Tributi", 0],
      ["1234567890/815", "post", null, "1234567890/815", null, 1]
    ]);
  });

  it("reads date_unixtime, and the PC's local `date` in the context zone when it is missing (DST day)", () => {
    expect(rows.items.map((i) => i.created_at)).toEqual([
      "2024-10-12T06:45:10.000Z", "2024-10-12T08:02:00.000Z", "2024-10-13T05:30:00.000Z", "2024-03-31T01:30:00.000Z"
    ]);
  });

  it("sums reactions of every type and reads views when present", () => {
    expect(rows.counts.map((c) => [c.item_id, c.metric, c.metric_source, c.value])).toEqual([
      ["1234567890/812", "reactions", "reactions", 15],
      ["1234567890/814", "views", "views", 1543]
    ]);
  });

  it("emits the chat as the account and the channel as its own author, once; counts service rows", () => {
    expect(rows.accounts).toEqual([{platform: "telegram", account_id: "1234567890", handle: null, display_name: "Comune di Esempio 📣", followers: null}]);
    expect(rows.authors).toEqual([{platform: "telegram", author_id: "1234567890", handle: null, name: "Comune di Esempio 📣", followers: null}]);
    expect(rows.skipped).toEqual({"service message (join, pin, title change...)": 1});
  });
});

describe("telegram-desktop: a discussion group", async () => {
  const rows = await collectRows(`${fixtures}/group.json`);

  it("maps group messages as message/reply, resolving thread roots and leaving unknown parents' roots null", () => {
    expect(rows.items.map((i) => [i.item_id, i.kind, i.author_id, i.parent_id, i.root_id, i.text])).toEqual([
      ["2222333344/11", "message", "1234567890", null, "2222333344/11", "Orari dell'Ufficio Tributi qui"],
      ["2222333344/12", "reply", "user111", "2222333344/11", "2222333344/11", "E il sabato?\nGrazie 🙏"],
      ["2222333344/13", "reply", "user222", "2222333344/12", "2222333344/11", "Anche io vorrei saperlo"],
      ["2222333344/14", "reply", "user333", "2222333344/7", null, null],
      ["2222333344/15", "message", "user333", null, "2222333344/15", "Buongiorno a tutti"]
    ]);
    expect(rows.items.every((i) => i.account_id === "2222333344")).toBe(true);
  });

  it("keeps a deleted account's id with no name", () => {
    expect(rows.authors).toEqual([
      {platform: "telegram", author_id: "1234567890", handle: null, name: "Comune di Esempio 📣", followers: null},
      {platform: "telegram", author_id: "user111", handle: null, name: "Mario Rossi", followers: null},
      {platform: "telegram", author_id: "user222", handle: null, name: null, followers: null},
      {platform: "telegram", author_id: "user333", handle: null, name: "Giulia", followers: null}
    ]);
  });
});

describe("telegram-desktop: a whole account export", async () => {
  const rows = await collectRows(`${fixtures}/account.json`);

  it("streams chats.list and left_chats.list, skipping personal chats, with ids unique across chats", () => {
    expect(rows.items.map((i) => [i.item_id, i.account_id, i.kind, i.parent_id])).toEqual([
      ["4444/1", "4444", "message", null],
      ["4444/2", "4444", "reply", "4444/1"],
      ["9999/1", "9999", "message", null]
    ]);
    expect(rows.skipped).toEqual({"private chat message": 1});
    expect(rows.accounts.map((a) => [a.account_id, a.display_name])).toEqual([["4444", "Protezione Civile Esempio"], ["9999", "Vecchio gruppo"]]);
  });
});

describe("telegram-desktop: text", () => {
  it("joins a string, an array of strings and entities, or text_entities", () => {
    expect(textOf({text: "  ciao  "})).toBe("ciao");
    expect(textOf({text: ["a ", {type: "bold", text: "b"}, " c"]})).toBe("a b c");
    expect(textOf({text: "ignored", text_entities: [{type: "plain", text: "x"}, {type: "link", text: "y"}]})).toBe("xy");
    expect(textOf({text: ""})).toBeNull();
  });
});

describe("telegram-desktop: errors", () => {
  it("rejects a message without any date, naming file, record and field", async () => {
    await expect(collectRows(`${fixtures}/no-date.json`)).rejects.toThrow(
      `${fixtures}/no-date.json, record 2, field date_unixtime: message without date`);
  });

  it("rejects a truncated file, naming the last good message", async () => {
    await expect(collectRows(`${fixtures}/truncated.json`)).rejects.toThrow(
      new RegExp(`^${fixtures}/truncated\\.json, record 2: invalid JSON after message 1 \\(`));
  });

  it("rejects messages written before the chat's id", async () => {
    await expect(collectRows(`${fixtures}/id-after.json`)).rejects.toThrow(
      `${fixtures}/id-after.json, field id: messages come before the chat's id`);
  });
});

describe("telegram-desktop: into the warehouse", async () => {
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());
  const results = await ingestInto(warehouse.path, [`${fixtures}/channel.json`, `${fixtures}/group.json`, `${fixtures}/no-date.json`]);

  it("loads the channel and its discussion group, and rejects the bad file whole", async () => {
    expect(results.map((r) => [r.format, r.status])).toEqual([
      ["telegram-desktop", "loaded"], ["telegram-desktop", "loaded"], ["telegram-desktop", "rejected"]
    ]);
    expect(await query(warehouse.path, "select kind, count(*)::integer as n from items group by kind order by kind")).toEqual([
      {kind: "message", n: 2}, {kind: "post", n: 3}, {kind: "reply", n: 4}
    ]);
    expect(await query(warehouse.path, "select metric, value::integer as value from item_counts_latest where item_id = '1234567890/812'")).toEqual([{metric: "reactions", value: 15}]);
    expect(await query(warehouse.path, "select account_id, display_name from accounts order by account_id")).toEqual([
      {account_id: "1234567890", display_name: "Comune di Esempio 📣"},
      {account_id: "2222333344", display_name: "Comune di Esempio – Discussione"}
    ]);
    expect(await query(warehouse.path, "select count(*)::integer as n from items where item_id like '5/%'")).toEqual([{n: 0}]);
  });
});

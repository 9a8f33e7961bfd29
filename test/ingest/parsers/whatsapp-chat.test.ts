import {createHash} from "node:crypto";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";
import {chatName, senderId} from "../../../ingest/parsers/whatsapp-chat.ts";
import {messageBody, parseStamp, splitSender} from "../../../ingest/parsers/whatsapp-lines.ts";
import {tempDir} from "../../helpers/temp-dir.ts";

const fixtures = "test/fixtures/whatsapp";
const hash = (text: string) => createHash("sha256").update(text).digest("hex");
const who = (key: string) => `wa:${hash(key).slice(0, 20)}`;
const view = (row: {account_id: string | null; author_id: string | null; created_at: string | null; text: string | null; media_count: number | null}) =>
  [row.account_id, row.author_id, row.created_at, row.text, row.media_count];

describe("whatsapp-chat, Android export on an Italian phone", async () => {
  const rows = await collectRows(`${fixtures}/Chat WhatsApp con Comune Segnalazioni.txt`);
  const maria = who("name:Maria Rossi");
  const phone = who("tel:+393331234567");

  it("maps messages in the phone's zone, day first, continuation lines kept, markers read", () => {
    expect(rows.parser).toBe("whatsapp-chat");
    expect(rows.items.map(view)).toEqual([
      ["Comune Segnalazioni", maria, "2024-03-12T09:15:00.000Z", "Buongiorno, c'è una buca in via Roma 12 🕳️\nVicino alla farmacia.\nGrazie!", null],
      ["Comune Segnalazioni", maria, "2024-03-12T09:15:00.000Z", null, 1],
      ["Comune Segnalazioni", who("name:Comune Segnalazioni"), "2024-03-12T09:20:00.000Z", "Grazie della segnalazione. Orari ufficio: 9-12 #viabilità", null],
      ["Comune Segnalazioni", phone, "2024-03-13T07:05:00.000Z", "Anche in via Verdi c'è lo stesso problema", null],
      ["Comune Segnalazioni", maria, "2024-03-13T07:07:00.000Z", "Risolto, grazie!", null],
      ["Comune Segnalazioni", who("name:Luca"), "2024-03-13T20:30:00.000Z", null, null]
    ]);
    expect(rows.items.every((row) => row.platform === "whatsapp" && row.kind === "message" && row.root_id === row.item_id)).toBe(true);
    expect(rows.items[2]!.hashtags).toEqual(["viabilità"]);
  });

  it("gives each message a deterministic id from chat, time, sender and ordinal", () => {
    const id = (at: string, author: string, ordinal: number) => `wa:${hash(["Comune Segnalazioni", at, author, ordinal].join("\n")).slice(0, 32)}`;
    expect(rows.items[0]!.item_id).toBe(id("2024-03-12T09:15:00.000Z", maria, 0));
    expect(rows.items[1]!.item_id).toBe(id("2024-03-12T09:15:00.000Z", maria, 1));
  });

  it("keeps no phone number: hashed author, no handle, not in raw", () => {
    const fromPhone = rows.items[3]!;
    expect(fromPhone.raw).not.toContain("333");
    expect(rows.authors.find((a) => a.author_id === phone)).toEqual({platform: "whatsapp", author_id: phone, handle: null, name: null, followers: null});
    expect(rows.authors.find((a) => a.author_id === maria)).toEqual({platform: "whatsapp", author_id: maria, handle: "Maria Rossi", name: "Maria Rossi", followers: null});
    expect(rows.accounts).toEqual([{platform: "whatsapp", account_id: "Comune Segnalazioni", handle: "Comune Segnalazioni", display_name: "Comune Segnalazioni", followers: null}]);
  });

  it("skips system notices and deletions by name", () => {
    expect(rows.skipped).toEqual({"whatsapp system notice": 4, "whatsapp deleted message notice": 1});
  });
});

describe("whatsapp-chat, iOS export zip on an English phone", async () => {
  const rows = await collectRows(`${fixtures}/WhatsApp Chat - Town Hall.zip`, {only: "_chat.txt", zone: "America/New_York"});

  it("names the chat after the zip, reads 12-hour times month first, drops U+200E marks and ~ prefixes", () => {
    expect(rows.items.map(view)).toEqual([
      ["Town Hall", who("name:John Smith"), "2024-03-14T13:06:12.000Z", "Hello, the street light on Main St is out 💡", null],
      ["Town Hall", who("name:John Smith"), "2024-03-14T13:06:40.000Z", null, 1],
      ["Town Hall", who("name:Jane"), "2024-03-14T13:07:00.000Z", "Here's another photo", 1],
      ["Town Hall", who("name:Town Hall"), "2024-03-14T17:30:00.000Z", "Thanks, we'll fix it by Friday.", null]
    ]);
    expect(rows.skipped).toEqual({"whatsapp system notice": 2, "whatsapp deleted message notice": 1});
  });
});

describe("whatsapp-chat, Android export on an English phone", async () => {
  const rows = await collectRows(`${fixtures}/WhatsApp Chat with Ufficio Tecnico.txt`);

  it("reads 4-digit years; with no day over 12, a 12-hour clock means month first", () => {
    expect(rows.items.map(view)).toEqual([
      ["Ufficio Tecnico", who("name:Anna Bianchi"), "2024-01-02T08:16:00.000Z", "Is the office open today?", null],
      ["Ufficio Tecnico", who("name:Ufficio Tecnico"), "2024-01-02T11:00:00.000Z", "Yes, until 5 PM.", null],
      ["Ufficio Tecnico", who("name:Anna Bianchi"), "2024-01-03T09:00:00.000Z", null, 1]
    ]);
  });
});

describe("whatsapp-chat detection, errors and loading", () => {
  const dir = tempDir("ascolto-wa-");
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());

  it("does not claim a text file without WhatsApp lines", async () => {
    await expect(collectRows(`${fixtures}/not-a-chat.txt`)).rejects.toThrow("no parser for");
  });

  it("reads an undecidable 24-hour file day first", async () => {
    const path = join(dir, "Chat WhatsApp con Anna.txt");
    writeFileSync(path, "05/04/24, 18:30 - Anna: ciao\n");
    expect((await collectRows(path)).items.map((row) => [row.account_id, row.created_at])).toEqual([["Anna", "2024-04-05T16:30:00.000Z"]]);
  });

  it("rejects an impossible date with the file and line", async () => {
    const path = join(dir, "bad.txt");
    writeFileSync(path, "12/03/24, 10:00 - Anna: ciao\n13/13/24, 10:00 - Anna: ancora\n");
    await expect(collectRows(path)).rejects.toThrow(`${path}, line 2: impossible date "13/13/24 10:00"`);
  });

  it("recognises both line shapes and the notices", () => {
    expect(parseStamp("12/03/24, 10:15 - Nome: testo")).toEqual({date: "12/03/24", time: "10:15", ampm: null, rest: "Nome: testo"});
    expect(parseStamp("\u200e[3/12/24, 10:15:07\u202fp.m.] Nome: testo")).toEqual({date: "3/12/24", time: "10:15:07", ampm: "PM", rest: "Nome: testo"});
    expect(parseStamp("Vicino alla farmacia.")).toBeNull();
    expect(splitSender("Mario ha cambiato l'oggetto da \"A\" a \"B: c\"")).toBeNull();
    expect(splitSender("Comune: \u200eI messaggi e le chiamate sono crittografati end-to-end.")).toBeNull();
    expect(splitSender("Mario: ha aggiunto il modulo?")).toEqual({sender: "Mario", text: "ha aggiunto il modulo?"});
    expect(messageBody("\u200eimmagine omessa")).toEqual({text: null, media: true, deleted: false});
    expect(messageBody("IMG-20240312-WA0003.jpg (file allegato)\nla buca")).toEqual({text: "la buca", media: true, deleted: false});
    expect(chatName({path: "/in/Chat WhatsApp con Pro Loco (1).txt", innerPath: "Chat WhatsApp con Pro Loco (1).txt"})).toBe("Pro Loco");
  });

  it("loads into the warehouse as messages of the chat's account", async () => {
    const [result] = await ingestInto(warehouse.path, [`${fixtures}/Chat WhatsApp con Comune Segnalazioni.txt`]);
    expect(result).toMatchObject({status: "loaded", format: "whatsapp-chat", rows: {items: 6, accounts: 1, authors: 6}});
    expect(await query(warehouse.path, "select account_id, kind, count(*)::integer as n from items group by all")).toEqual([
      {account_id: "Comune Segnalazioni", kind: "message", n: 6}
    ]);
    expect(await query(warehouse.path, "select count(*)::integer as n from authors where handle is null")).toEqual([{n: 1}]);
  });

  it("keys the senders' hashes with the warehouse's secret, so a phone number cannot be found by hashing them all", async () => {
    const [{secret}] = await query(warehouse.path, "select value as secret from meta where key = 'pseudonym_secret'") as [{secret: string}];
    const ids = (await query(warehouse.path, "select author_id from authors order by all")).map((r) => r.author_id);
    expect(ids).toContain(senderId("+39 333 123 4567", secret));
    expect(ids).not.toContain(who("tel:+393331234567"));
  });
});

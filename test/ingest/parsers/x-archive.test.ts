import {mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {crc32} from "node:zlib";
import {afterAll, describe, expect, it} from "vitest";
import {mapArchiveTweet, type XArchiveContext} from "../../../ingest/parsers/x-archive.ts";
import {collectRows, ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";

const fixtures = "test/fixtures/x";
const archive = `${fixtures}/archive`;
const owner = "1111111111";
const noRaw = <T extends {raw: string}>({raw: _raw, ...row}: T) => row;

const base = {platform: "x", author_id: owner, lang_hint: "it", hashtags: [], mentions: [], media_count: 0};

describe("x-archive", () => {
  it("maps tweets.js with the owner from account.js and manifest.js", async () => {
    const rows = await collectRows(archive, {only: "data/tweets.js"});
    expect(rows.parser).toBe("x-archive");
    expect(rows.exported_at).toBe("2025-03-10T09:30:00.000Z");
    expect(rows.items.map(noRaw)).toEqual([
      {
        ...base, item_id: "1896800000000000001", kind: "post", account_id: owner, created_at: "2025-03-04T08:15:00.000Z",
        // entities decoded once: "&amp;amp;" stays "&amp;"; t.co expanded, the media link dropped
        text: "Via Roma & piazza Garibaldi chiuse <oggi> 🚧 Info R&amp;D: https://comune.example.it/avvisi #Viabilità",
        parent_id: null, root_id: "1896800000000000001", url: "https://x.com/ComuneDiEsempio/status/1896800000000000001",
        hashtags: ["viabilità"], media_count: 2
      },
      {
        ...base, item_id: "1896810000000000002", kind: "reply", account_id: null, created_at: "2025-03-04T09:02:11.000Z",
        text: "@mario_rossi Grazie della segnalazione, interveniamo oggi.", parent_id: "1896805000000000009", root_id: null,
        url: "https://x.com/ComuneDiEsempio/status/1896810000000000002", mentions: ["mario_rossi"]
      },
      {
        ...base, item_id: "1896820000000000003", kind: "reply", account_id: owner, created_at: "2025-03-04T08:16:40.000Z",
        text: "Percorsi alternativi: via Manzoni e via Verdi.", parent_id: "1896800000000000001", root_id: null,
        url: "https://x.com/ComuneDiEsempio/status/1896820000000000003"
      },
      {
        ...base, item_id: "1896830000000000004", kind: "quote", account_id: owner, created_at: "2025-03-04T12:00:00.000Z",
        text: "Seguite gli aggiornamenti della Protezione Civile \"in tempo reale\" https://twitter.com/ProtezioneCivile/status/1896700000000000000",
        parent_id: "1896700000000000000", root_id: "1896830000000000004", url: "https://x.com/ComuneDiEsempio/status/1896830000000000004"
      },
      {
        ...base, item_id: "1896840000000000005", kind: "repost", account_id: owner, created_at: "2025-03-04T13:30:00.000Z",
        text: "RT @ProtezioneCivile: Allerta meteo arancione su tutta la provincia: scuole chiuse domani, evitate gli spostamenti non necessari e seguite…",
        parent_id: null, root_id: "1896840000000000005", url: "https://x.com/ComuneDiEsempio/status/1896840000000000005", mentions: ["protezionecivile"]
      },
      {
        ...base, item_id: "1897400000000000006", kind: "post", account_id: owner, created_at: "2025-03-05T17:45:30.000Z",
        // the whole long post from note-tweet.js, not the cut text of tweets.js
        text: "Consiglio comunale convocato per giovedì: all'ordine del giorno il bilancio di previsione 2025, il piano delle opere pubbliche & la mozione sulla mobilità sostenibile. Seduta aperta al pubblico dalle 18:00, diretta streaming sul sito del Comune.",
        parent_id: null, root_id: "1897400000000000006", url: "https://x.com/ComuneDiEsempio/status/1897400000000000006"
      }
    ]);
    // string counts become numbers; a retweet carries the original's counters, so none for it
    expect(rows.counts.filter((c) => c.item_id === "1896800000000000001")).toEqual([
      {platform: "x", item_id: "1896800000000000001", metric: "likes", metric_source: "favorite_count", value: 12},
      {platform: "x", item_id: "1896800000000000001", metric: "shares", metric_source: "retweet_count", value: 3}
    ]);
    expect(rows.counts.filter((c) => c.item_id === "1896840000000000005")).toEqual([]);
    expect(rows.counts).toHaveLength(10);
    expect(rows.accounts).toEqual([{platform: "x", account_id: owner, handle: "ComuneDiEsempio", display_name: "Comune di Esempio", followers: null}]);
    expect(JSON.parse(rows.items[0]!.raw).id_str).toBe("1896800000000000001");
  });

  it("reads a later part and bare tweet objects without the {tweet} wrapper, with no final newline", async () => {
    const rows = await collectRows(archive, {only: "data/tweets-part1.js"});
    expect(rows.items.map(noRaw)).toEqual([{
      ...base, item_id: "1898000000000000007", kind: "post", account_id: owner, created_at: "2025-03-09T07:00:00.000Z",
      text: "Buona domenica 🌞 da tutta l'amministrazione! 👋🏽", parent_id: null, root_id: "1898000000000000007",
      url: "https://x.com/ComuneDiEsempio/status/1898000000000000007"
    }]);
    expect(rows.counts.map((c) => [c.metric, c.value])).toEqual([["likes", 30], ["shares", 0]]);
  });

  it("reads the older tweet.js name, without owner files beside it", async () => {
    const rows = await collectRows(`${fixtures}/archive-tweet-js`);
    expect(rows.parser).toBe("x-archive");
    expect(rows.items.map(noRaw)).toEqual([{
      ...base, author_id: null, account_id: null, item_id: "1200000000000000008", kind: "post", created_at: "2019-11-29T10:00:00.000Z",
      text: "Mercatino di Natale in piazza 🎄 #Natale2019", parent_id: null, root_id: "1200000000000000008", url: null, hashtags: ["natale2019"]
    }]);
    expect(rows.accounts).toEqual([]);
  });

  it("reads an empty collection `= [ ]`", async () => {
    const rows = await collectRows(`${fixtures}/archive-empty`);
    expect(rows.parser).toBe("x-archive");
    expect(rows.items).toEqual([]);
  });

  it("takes the owner's follower count over all parts from manifest.js", async () => {
    for (const part of ["data/follower.js", "data/follower-part1.js"]) {
      const rows = await collectRows(archive, {only: part});
      expect(rows.items).toEqual([]);
      expect(rows.accounts).toEqual([{platform: "x", account_id: owner, handle: "ComuneDiEsempio", display_name: "Comune di Esempio", followers: 5}]);
      expect(rows.exported_at).toBe("2025-03-10T09:30:00.000Z");
    }
  });

  it("reads account.js as the owner only", async () => {
    const rows = await collectRows(archive, {only: "data/account.js"});
    expect(rows.items).toEqual([]);
    expect(rows.authors).toEqual([{platform: "x", author_id: owner, handle: "ComuneDiEsempio", name: "Comune di Esempio", followers: null}]);
  });

  it("names the record and the value of a bad date", () => {
    const context: XArchiveContext = {owner: null, exported_at: undefined, notes: new Map(), followers: null};
    expect(() => mapArchiveTweet({tweet: {id_str: "1", created_at: "2025-03-04 08:15"}}, context))
      .toThrow('unrecognised X date "2025-03-04 08:15"');
    expect(() => mapArchiveTweet({tweet: {full_text: "x"}}, context)).toThrow("tweet without id");
  });

  it("rejects a file with a bad tweet, naming file and record", async () => {
    const {dir, cleanup} = tempWarehouse();
    try {
      mkdirSync(join(dir, "data"));
      writeFileSync(join(dir, "data", "tweets.js"), 'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "created_at": "Tue Mar 04 08:15:00 +0000 2025"}}, {"tweet": {"id_str": "2", "created_at": "ieri"}}]');
      await expect(collectRows(dir)).rejects.toThrow(/data\/tweets\.js, record 2: unrecognised X date "ieri"/);
    } finally {
      cleanup();
    }
  });
});

describe("x-archive in a zip, into the warehouse", () => {
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());

  it("loads Archive.zip's data/ files with the manifest's date", async () => {
    const zip = join(warehouse.dir, "Archive.zip");
    const files = readdirSync(`${archive}/data`).map((name) => ({name: `data/${name}`, data: readFileSync(`${archive}/data/${name}`)}));
    writeFileSync(zip, storedZip([...files, {name: "Your archive.html", data: Buffer.from("<html></html>")}]));
    const results = await ingestInto(warehouse.path, [zip]);
    expect(results.map((r) => [r.path.split("!")[1], r.format, r.status]).sort()).toEqual([
      ["Your archive.html", null, "ignored"],
      ["data/account.js", "x-archive", "loaded"],
      ["data/follower-part1.js", "x-archive", "loaded"],
      ["data/follower.js", "x-archive", "loaded"],
      ["data/manifest.js", null, "ignored"],
      ["data/note-tweet.js", null, "ignored"],
      ["data/tweets-part1.js", "x-archive", "loaded"],
      ["data/tweets.js", "x-archive", "loaded"]
    ]);
    expect(await query(warehouse.path, "select item_id, kind, account_id, root_id from items order by item_id")).toEqual([
      {item_id: "1896800000000000001", kind: "post", account_id: owner, root_id: "1896800000000000001"},
      {item_id: "1896810000000000002", kind: "reply", account_id: null, root_id: null},
      {item_id: "1896820000000000003", kind: "reply", account_id: owner, root_id: null},
      {item_id: "1896830000000000004", kind: "quote", account_id: owner, root_id: "1896830000000000004"},
      {item_id: "1896840000000000005", kind: "repost", account_id: owner, root_id: "1896840000000000005"},
      {item_id: "1897400000000000006", kind: "post", account_id: owner, root_id: "1897400000000000006"},
      {item_id: "1898000000000000007", kind: "post", account_id: owner, root_id: "1898000000000000007"}
    ]);
    expect(await query(warehouse.path, "select account_id, handle, followers::integer as followers from accounts")).toEqual([
      {account_id: owner, handle: "ComuneDiEsempio", followers: 5}
    ]);
    expect(await query(warehouse.path, "select value::integer as value from item_counts_latest where item_id = '1896800000000000001' and metric = 'likes'"))
      .toEqual([{value: 12}]);
    const dates = await query(warehouse.path, "select distinct strftime(exported_at at time zone 'UTC', '%Y-%m-%d %H:%M') as at from source_files where status = 'loaded'");
    expect(dates).toEqual([{at: "2025-03-10 09:30"}]);
  });
});

/** A zip with stored (uncompressed) entries: enough for tests, no dependency. */
function storedZip(files: Array<{name: string; data: Buffer}>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const {name, data} of files) {
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

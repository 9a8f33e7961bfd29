import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {collectRows, tempWarehouse} from "../../helpers/warehouse.ts";

const owner = "1111111111";
const noRaw = <T extends {raw: string}>({raw: _raw, ...row}: T) => row;
const base = {platform: "x", lang_hint: null, hashtags: [], mentions: [], media_count: 0};

describe("x-grailbird", () => {
  it("maps a month file, with id_str kept exact and the retweeted original as its own item", async () => {
    const rows = await collectRows("test/fixtures/x/grailbird", {only: "tweets/2017_05.js"});
    expect(rows.parser).toBe("x-grailbird");
    expect(rows.exported_at).toBe("2017-05-31T22:10:00.000Z");
    expect(rows.items.map(noRaw)).toEqual([
      {
        ...base, item_id: "861234567890123456", kind: "post", account_id: owner, author_id: owner, created_at: "2017-05-06T11:20:45.000Z",
        text: "Raccolta differenziata: da lunedì nuovo calendario & orari 📅 #Ambiente", parent_id: null, root_id: "861234567890123456",
        url: "https://x.com/ComuneDiEsempio/status/861234567890123456", hashtags: ["ambiente"]
      },
      {
        ...base, item_id: "861300000000000001", kind: "repost", account_id: owner, author_id: owner, created_at: "2017-05-07T09:05:00.000Z",
        // the original's whole text, not "RT @ProtezioneCivile: …" cut short
        text: "Allerta gialla per temporali nel pomeriggio di domenica: evitate i sottopassi e seguite gli aggiornamenti sul sito. #AllertaMeteo",
        parent_id: "861299999999999999", root_id: "861300000000000001", url: "https://x.com/ComuneDiEsempio/status/861300000000000001",
        hashtags: ["allertameteo"]
      },
      {
        ...base, item_id: "861299999999999999", kind: "post", account_id: "3333333333", author_id: "3333333333", created_at: "2017-05-07T09:00:00.000Z",
        text: "Allerta gialla per temporali nel pomeriggio di domenica: evitate i sottopassi e seguite gli aggiornamenti sul sito. #AllertaMeteo",
        parent_id: null, root_id: "861299999999999999", url: "https://x.com/ProtezioneCivile/status/861299999999999999", hashtags: ["allertameteo"]
      },
      {
        // a reply to someone else's tweet: its thread's channel is unknown
        ...base, item_id: "861400000000000002", kind: "reply", account_id: null, author_id: owner, created_at: "2017-05-08T07:05:00.000Z",
        text: "@mario_rossi La segnalazione è stata inoltrata all'ufficio tecnico, grazie!", parent_id: "861111111111111111", root_id: null,
        url: "https://x.com/ComuneDiEsempio/status/861400000000000002", mentions: ["mario_rossi"]
      },
      {
        // the owner answering itself (a thread) stays on its channel
        ...base, item_id: "861500000000000003", kind: "reply", account_id: owner, author_id: owner, created_at: "2017-05-06T11:25:00.000Z",
        text: "Il calendario completo è disponibile all'URP \"Palazzo Civico\".", parent_id: "861234567890123456", root_id: null,
        url: "https://x.com/ComuneDiEsempio/status/861500000000000003"
      }
    ]);
    expect(rows.counts).toEqual([]);
    // JSON.parse would have read the unquoted id as 861234567890123500
    expect(JSON.parse(rows.items[0]!.raw).id).toBe("861234567890123456");
    expect(new Set(rows.authors.map((a) => a.author_id))).toEqual(new Set([owner, "3333333333"]));
  });

  it("rejects a month file that is not JSON, naming the file", async () => {
    const {dir, cleanup} = tempWarehouse();
    try {
      const path = join(dir, "2017_06.js");
      writeFileSync(path, "Grailbird.data.tweets_2017_06 = [ { \"id_str\" : ");
      await expect(collectRows(path)).rejects.toThrow(/2017_06\.js: invalid JSON/);
      writeFileSync(path, 'Grailbird.data.tweets_2017_06 = [ { "id_str" : "1", "created_at" : "ieri", "text" : "x" } ]');
      await expect(collectRows(path)).rejects.toThrow(/2017_06\.js, record 1: unrecognised date "ieri"/);
    } finally {
      cleanup();
    }
  });
});

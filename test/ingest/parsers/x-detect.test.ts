import {describe, expect, it} from "vitest";
import {detectParser} from "../../../ingest/detect.ts";
import {xApiV1} from "../../../ingest/parsers/x-api-v1.ts";
import {xApiV2} from "../../../ingest/parsers/x-api-v2.ts";
import {xGrailbird} from "../../../ingest/parsers/x-grailbird.ts";
import {xTwarcCsv} from "../../../ingest/parsers/x-twarc-csv.ts";
import {expandPaths} from "../../../ingest/source-file.ts";

const xParsers = [xGrailbird, xApiV2, xApiV1, xTwarcCsv];
const claims = (head: string, name = "file") => xParsers.filter((parser) => parser.detect({name, head})).map((parser) => parser.name);

describe("X detection by content", () => {
  it("gives each X fixture to its parser", async () => {
    const {files, close} = await expandPaths(["test/fixtures/x"]);
    try {
      const found: Record<string, string | null> = {};
      for (const file of files) found[file.innerPath] = (await detectParser(file))?.name ?? null;
      expect(found).toMatchObject({
        "archive/data/tweets.js": "x-archive", "archive/data/tweets-part1.js": "x-archive", "archive/data/follower.js": "x-archive",
        "archive/data/account.js": "x-archive", "archive-tweet-js/data/tweet.js": "x-archive", "archive-empty/data/tweets.js": "x-archive",
        // read as siblings, not loaded on their own
        "archive/data/manifest.js": null, "archive/data/note-tweet.js": null, "grailbird/data/js/user_details.js": null,
        "grailbird/data/js/tweets/2017_05.js": "x-grailbird",
        "api-v2/search.jsonl": "x-api-v2", "api-v2/stream.jsonl": "x-api-v2", "api-v2/flat.jsonl": "x-api-v2", "api-v2/bad-middle.jsonl": "x-api-v2",
        "api-v1/stream.jsonl": "x-api-v1", "api-v1/killed.jsonl": "x-api-v1", "api-v1/bad-middle.jsonl": "x-api-v1",
        "twarc-csv/tweets.csv": "x-twarc-csv", "twarc-csv/old-version.csv": "x-twarc-csv"
      });
    } finally {
      close();
    }
  });

  it("knows a twarc page whose first line is longer than the probe", () => {
    const page = JSON.stringify({data: [{id: "1", author_id: "2", text: "x".repeat(70_000), conversation_id: "1"}], __twarc: {}});
    expect(claims(page.slice(0, 64 * 1024))).toEqual(["x-api-v2"]);
  });

  it("leaves other platforms' JSON and CSV alone", () => {
    const others = [
      '{"data": [{"id": "123_456", "message": "Ciao", "from": {"id": "123", "name": "Comune"}, "created_time": "2025-01-01T10:00:00+0000"}], "paging": {}}',
      '{"kind": "youtube#commentThreadListResponse", "items": [{"id": "Ugx", "snippet": {"authorChannelId": {"value": "UC1"}}}]}',
      '{"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox", "type": "OrderedCollection", "orderedItems": []}',
      '{"name": "Comune", "type": "public_channel", "id": 123, "messages": [{"id": 1, "type": "message", "text": "x"}]}',
      '[{"id_str": "1", "user": {"id_str": "2"}, "created_at": "Tue Mar 04 08:15:00 +0000 2025"}]',
      "id,text,created_at\n1,ciao,2025-01-01\n",
      "level,id,parent_id,object_id,object_type,query_status,query_type,query_time,text,created_at,author_id,public_metrics.like_count\n",
      "Page,User Name,Facebook Id,Likes at Posting,Created,Type,Likes,Comments,Shares,Message,Link\n"
    ];
    for (const head of others) expect(claims(head), head).toEqual([]);
  });

  it("tells v1.1 statuses from v2 tweets", () => {
    const v1 = '{"created_at":"Sat May 18 07:36:14 +0000 2019","id":1,"id_str":"1","text":"x","user":{"id_str":"2","screen_name":"a"}}';
    const v2 = '{"id":"1","text":"x","author_id":"2","conversation_id":"1","created_at":"2025-05-18T07:36:14.000Z","author":{"id":"2"}}';
    expect(claims(`${v1}\n`)).toEqual(["x-api-v1"]);
    expect(claims(`{"delete":{"status":{"id_str":"9"}}}\n${v1}\n`)).toEqual(["x-api-v1"]);
    expect(claims(`${v2}\n`)).toEqual(["x-api-v2"]);
  });
});

import {execFile} from "node:child_process";
import {cpSync, mkdirSync} from "node:fs";
import {dirname, join} from "node:path";
import {promisify} from "node:util";
import {afterAll, beforeAll, expect, test} from "vitest";
import {query, tempWarehouse} from "../helpers/warehouse.ts";

// One good file (or export folder) of every format, dropped into one inbox as a user would.
const exports: Record<string, string> = {
  "x/archive": "x-archive",
  "x/grailbird": "x-grailbird",
  "x/api-v2/search.jsonl": "x-api-v2",
  "x/api-v1/stream.jsonl": "x-api-v1",
  "x/twarc-csv/tweets.csv": "x-twarc-csv",
  "facebook/dyi-2024": "facebook-dyi",
  "instagram/dyi-2024": "instagram-dyi",
  "meta/graph/page-feed.json": "facebook-graph",
  "meta/graph/ig-media-page.json": "instagram-graph",
  "meta-insights/instagram-posts-en.csv": "meta-insights-csv",
  "crowdtangle/search-facebook.csv": "crowdtangle-csv",
  "crowdtangle/api-posts.json": "crowdtangle-api",
  "facepager/facebook-comments.csv": "facepager-csv",
  "tiktok/user_data_tiktok.json": "tiktok-dyi",
  "youtube/comment-threads.json": "youtube-api",
  "youtube/comments.csv": "youtube-takeout-csv",
  "telegram/channel.json": "telegram-desktop",
  "whatsapp/Chat WhatsApp con Comune Segnalazioni.txt": "whatsapp-chat",
  "mastodon/archive": "mastodon-archive",
  "mastodon/api/statuses.json": "mastodon-api",
  "csv-mapped/esempio": "csv-mapped"
};

let warehouse: ReturnType<typeof tempWarehouse>;
let report: Array<{path: string; format: string | null; status: string; error: string | null}>;
let code: number;

beforeAll(async () => {
  warehouse = tempWarehouse();
  const inbox = join(warehouse.dir, "inbox");
  for (const source of Object.keys(exports)) {
    const target = join(inbox, source);
    mkdirSync(dirname(target), {recursive: true});
    cpSync(join("test/fixtures", source), target, {recursive: true});
  }
  try {
    const {stdout} = await promisify(execFile)("node", ["bin/ascolto.js", "--warehouse", warehouse.path, "ingest", "--json", inbox]);
    report = JSON.parse(stdout);
    code = 0;
  } catch (error) {
    const failed = error as {stdout: string; code: number};
    report = JSON.parse(failed.stdout);
    code = failed.code;
  }
}, 180_000);
afterAll(() => warehouse.cleanup());

test("a mixed folder of every platform ingests in one command, each file by its own parser", () => {
  expect(report.filter((r) => r.status === "rejected")).toEqual([]);
  expect(code).toBe(0);
  const formats = new Set(report.filter((r) => r.status === "loaded").map((r) => r.format));
  expect([...formats].sort()).toEqual([...new Set(Object.values(exports))].sort());
});

test("every platform lands in the same canonical tables", async () => {
  const platforms = await query(warehouse.path, "select distinct platform from items order by platform");
  expect(platforms.map((r) => r.platform)).toEqual(
    ["facebook", "instagram", "mastodon", "telegram", "tiktok", "whatsapp", "x", "youtube"]);
  // what the files said is what the ledger says
  const ledger = await query(warehouse.path, "select status, count(*)::int as n from source_files group by status order by status");
  const byStatus = (status: string) => report.filter((r) => r.status === status).length;
  expect(ledger).toEqual(["ignored", "loaded"].filter(byStatus).map((status) => ({status, n: byStatus(status)})));
});

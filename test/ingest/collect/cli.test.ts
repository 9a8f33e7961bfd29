import {Command} from "commander";
import {afterEach, beforeAll, describe, expect, it, vi} from "vitest";
import {collectCommand} from "../../../ingest/collect/cli.ts";
import {everyFileText, listInbox, tempInbox} from "./inbox-files.ts";
import {guardLoopback, startReplay, type Replay} from "./replay-server.ts";

const token = "EAAGcliTOKENabcdef0123456789SECRET";
const page = "104000000000001";
let replay: Replay;
let inbox: ReturnType<typeof tempInbox>;

beforeAll(() => guardLoopback());
afterEach(async () => {
  await replay?.close();
  inbox?.cleanup();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function runCli(args: string[]): Promise<{out: string; err: string}> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...parts) => void out.push(parts.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...parts) => void err.push(parts.join(" ")));
  const program = new Command("ascolto").exitOverride();
  collectCommand(program);
  await program.parseAsync(["node", "ascolto", "collect", ...args]);
  return {out: out.join("\n"), err: err.join("\n")};
}

describe("ascolto collect", () => {
  it("exits 0 with a summary after a complete run; token from the environment, never shown", async () => {
    replay = await startReplay([
      {path: `/v23.0/${page}/feed`, query: {after: "QVFIUkZFRUQy"}, replies: [{file: "facebook/feed-2.json"}]},
      {path: `/v23.0/${page}/feed`, replies: [{file: "facebook/feed-1.json"}]},
      {path: `/v23.0/${page}_900000000000002/comments`, replies: [{file: "facebook/comments-2.json"}]}
    ], {token});
    inbox = tempInbox();
    vi.stubEnv("ASCOLTO_META_TOKEN", token);
    vi.stubEnv("ASCOLTO_META_BASE_URL", `${replay.base}/v23.0`);
    const {out, err} = await runCli(["facebook", "--page", page, "--inbox", inbox.dir]);
    expect(process.exitCode).toBe(0);
    expect(out).toMatch(/^collect facebook 104000000000001: 3 files written, 0 listings skipped, 3 requests; run \d{8}T\d{6}Z complete$/);
    expect(err).toContain("wrote ");
    expect(out + err).not.toContain(token);
    expect(listInbox(inbox.dir)).toHaveLength(3);
    for (const text of everyFileText(inbox.dir)) expect(text).not.toContain(token);
  });

  it("exits 5 on an expired token and says what to do", async () => {
    replay = await startReplay([{path: `/v23.0/${page}/feed`, replies: [{status: 400, file: "facebook/error-190.json"}]}], {token});
    inbox = tempInbox();
    vi.stubEnv("ASCOLTO_META_TOKEN", token);
    vi.stubEnv("ASCOLTO_META_BASE_URL", `${replay.base}/v23.0`);
    const {err} = await runCli(["facebook", "--page", page, "--inbox", inbox.dir]);
    expect(process.exitCode).toBe(5);
    expect(err).toMatch(/Session has expired.*set ASCOLTO_META_TOKEN/);
    expect(err).not.toContain(token);
  });

  it("exits 4 when the YouTube quota is spent", async () => {
    replay = await startReplay([{path: "/youtube/v3/channels", replies: [{status: 403, file: "youtube/error-quota.json"}]}]);
    inbox = tempInbox();
    vi.stubEnv("ASCOLTO_YOUTUBE_KEY", "AIzaSyCLIkey");
    vi.stubEnv("ASCOLTO_YOUTUBE_BASE_URL", `${replay.base}/youtube/v3`);
    const {err} = await runCli(["youtube", "--channel", "UCcomuneEsempio000000001", "--inbox", inbox.dir]);
    expect(process.exitCode).toBe(4);
    expect(err).toContain("run again tomorrow to resume");
  });

  it("will not take a token as an argument", async () => {
    inbox = tempInbox();
    await expect(runCli(["facebook", "--page", page, "--token", token, "--inbox", inbox.dir])).rejects.toThrow(/unknown option '--token'/);
  });
});

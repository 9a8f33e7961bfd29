import {existsSync} from "node:fs";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {backoff, retryAfterMs} from "../../../ingest/collect/http.ts";
import {writeResponse} from "../../../ingest/collect/inbox.ts";
import {rebase, redactText, stripSecrets} from "../../../ingest/collect/redact.ts";
import {readState, runStamp, safeName} from "../../../ingest/collect/state.ts";
import {parseSince} from "../../../ingest/collect/cli.ts";
import {listInbox, readInbox, tempInbox} from "./inbox-files.ts";

let inbox: ReturnType<typeof tempInbox> | null = null;
afterEach(() => inbox?.cleanup());

describe("redact", () => {
  it("removes credentials from stored URLs and nothing else", () => {
    expect(stripSecrets("https://graph.facebook.com/v23.0/1/feed?access_token=EAAx&limit=25&after=QQ%3D%3D")).toBe("https://graph.facebook.com/v23.0/1/feed?limit=25&after=QQ%3D%3D");
    expect(stripSecrets("https://www.googleapis.com/youtube/v3/videos?key=AIza&id=a")).toBe("https://www.googleapis.com/youtube/v3/videos?id=a");
  });

  it("replaces the secret, its URL-encoded form and any access_token value in a body, leaving the rest byte for byte", () => {
    const body = `{"message":"caff\\u00e8 \\"ok\\"","paging":{"next":"https:\\/\\/graph.facebook.com\\/v23.0\\/1\\/feed?access_token=OTHER123&after=x"},"echo":"a+b/c=","enc":"a%2Bb%2Fc%3D"}`;
    expect(redactText(body, ["a+b/c="])).toBe(`{"message":"caff\\u00e8 \\"ok\\"","paging":{"next":"https:\\/\\/graph.facebook.com\\/v23.0\\/1\\/feed?access_token=REDACTED&after=x"},"echo":"REDACTED","enc":"REDACTED"}`);
    expect(redactText("nothing secret", ["abcd"])).toBe("nothing secret");
  });

  it("moves a paging URL onto the configured server", () => {
    expect(rebase("https://graph.facebook.com/v23.0/1/feed?after=x", "http://127.0.0.1:8080/v23.0")).toBe("http://127.0.0.1:8080/v23.0/1/feed?after=x");
  });
});

describe("http", () => {
  it("reads Retry-After as seconds or as a date", () => {
    expect(retryAfterMs(new Headers({"retry-after": "0"}))).toBe(0);
    expect(retryAfterMs(new Headers({"retry-after": "1"}))).toBe(1000);
    expect(retryAfterMs(new Headers({"retry-after": "Sat, 01 Mar 2025 10:00:30 GMT"}), Date.parse("2025-03-01T10:00:00Z"))).toBe(30_000);
    expect(retryAfterMs(new Headers({"retry-after": "soon"}))).toBeNull();
    expect(retryAfterMs(new Headers())).toBeNull();
  });

  it("backs off exponentially with jitter, capped", () => {
    expect(backoff(0, {baseMs: 100, random: () => 1})).toBe(100);
    expect(backoff(3, {baseMs: 100, random: () => 1})).toBe(800);
    expect(backoff(20, {baseMs: 100, maxMs: 5000, random: () => 1})).toBe(5000);
    expect(backoff(3, {baseMs: 100, random: () => 0.5})).toBe(400);
  });
});

describe("inbox and state", () => {
  it("never writes over an earlier file and leaves no temporary file", () => {
    inbox = tempInbox();
    const first = writeResponse(inbox.dir, "facebook-feed-1-20250302T100000Z-p0001", "{\"a\":1}");
    const second = writeResponse(inbox.dir, "facebook-feed-1-20250302T100000Z-p0001", "{\"a\":2}");
    expect([first, second].map((p) => p.split("/").pop())).toEqual(["facebook-feed-1-20250302T100000Z-p0001.json", "facebook-feed-1-20250302T100000Z-p0001-2.json"]);
    expect(readInbox(inbox.dir, "facebook-feed-1-20250302T100000Z-p0001.json")).toBe("{\"a\":1}");
    expect(listInbox(inbox.dir, {hidden: true})).toHaveLength(2);
  });

  it("names runs and sources safely", () => {
    expect(runStamp(new Date("2025-03-02T10:00:00.123Z"))).toBe("20250302T100000Z");
    expect(safeName("comune@esempio.social")).toBe("comune-esempio.social");
    expect(safeName("../../etc")).toBe("..-..-etc");
  });

  it("refuses an unreadable state file with a way out", () => {
    inbox = tempInbox();
    const path = join(inbox.dir, ".ascolto-collect-x-1.json");
    expect(readState(path)).toBeNull();
    writeResponse(inbox.dir, ".ascolto-collect-x-1", "{broken");
    expect(existsSync(path)).toBe(true);
    expect(() => readState(path)).toThrow(/unreadable collect state .*delete it to start over/);
  });
});

describe("--since", () => {
  it("reads a date or a number of days", () => {
    expect(parseSince("2025-01-31")?.toISOString()).toBe("2025-01-31T00:00:00.000Z");
    expect(parseSince("30d", new Date("2025-03-02T00:00:00Z"))?.toISOString()).toBe("2025-01-31T00:00:00.000Z");
    expect(parseSince(undefined)).toBeNull();
    expect(() => parseSince("31/01/2025")).toThrow(/--since "31\/01\/2025" is neither YYYY-MM-DD nor a number of days/);
  });
});

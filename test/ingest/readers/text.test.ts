import {afterAll, describe, expect, it} from "vitest";
import {decodeText, readLines, readText} from "../../../ingest/readers/text.ts";
import type {SourceFile} from "../../../ingest/source-file.ts";
import {scratch} from "./files.ts";

const files = scratch();
afterAll(() => files.cleanup());

async function lines(file: SourceFile) {
  const out = [];
  for await (const line of readLines(file)) out.push(line);
  return out;
}

describe("decodeText and readText", () => {
  it("reads UTF-8 and drops a BOM (also its U+FEFF character)", async () => {
    const file = await files.file("bom.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Città 😀\n")]));
    expect(await readText(file)).toBe("Città 😀\n");
  });

  it("falls back to Windows-1252 when the start is not UTF-8", async () => {
    const file = await files.file("cp1252.txt", Buffer.from([0x43, 0x69, 0x74, 0x74, 0xe0, 0x20, 0x80, 0x20, 0x93, 0x73, 0xec, 0x94]));
    expect(await readText(file)).toBe("Città € “sì”");
  });

  it("reads UTF-16 little and big endian after their BOM (Business Suite daily exports)", async () => {
    const text = 'sep=,\r\n"Copertura"\r\n';
    const le = await files.file("le.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect(await readText(le)).toBe(text);
    const be = await files.file("be.csv", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]));
    expect(await readText(be)).toBe(text);
  });

  it("keeps a multi-byte character split across chunks whole", async () => {
    const text = `${"a".repeat(64 * 1024 - 1)}è${"b".repeat(10)}`;
    const file = await files.file("split.txt", text);
    let joined = "";
    for await (const chunk of decodeText(file)) joined += chunk;
    expect(joined).toBe(text);
  });

  it("rejects invalid UTF-8 after a valid start, naming the file", async () => {
    const file = await files.file("late.txt", Buffer.concat([Buffer.from("a".repeat(70 * 1024)), Buffer.from([0xc3, 0x28])]));
    await expect(readText(file)).rejects.toThrow(/late\.txt: invalid UTF-8 bytes$/);
  });

  it("rejects a UTF-8 character cut off by the end of the file", async () => {
    const file = await files.file("cut.txt", Buffer.concat([Buffer.from("a".repeat(70 * 1024)), Buffer.from([0xe2, 0x82])]));
    await expect(readText(file)).rejects.toThrow(/cut\.txt: invalid UTF-8 bytes$/);
  });

  it("reads an empty file as nothing", async () => {
    expect(await readText(await files.file("empty.txt", ""))).toBe("");
  });
});

describe("readLines", () => {
  it("numbers lines from 1 without their endings, CRLF or LF", async () => {
    const file = await files.file("lines.txt", "uno\r\ndue\n\ntre");
    expect(await lines(file)).toEqual([{line: 1, text: "uno"}, {line: 2, text: "due"}, {line: 3, text: ""}, {line: 4, text: "tre"}]);
  });
});

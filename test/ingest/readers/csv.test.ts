import {afterAll, describe, expect, it} from "vitest";
import {headerLine, readCsv, sniffDelimiter} from "../../../ingest/readers/csv.ts";
import type {SourceFile} from "../../../ingest/source-file.ts";
import {scratch} from "./files.ts";

const files = scratch();
afterAll(() => files.cleanup());

async function all(file: SourceFile) {
  const records = [];
  for await (const record of readCsv(file)) records.push(record);
  return records;
}

describe("sniffDelimiter", () => {
  it.each([
    ["a,b,c", ","], ["a;b;c", ";"], ["a\tb\tc", "\t"], ['"Reazioni, commenti e condivisioni";Reazioni;Commenti', ";"],
    ['"level";"id";"parent_id"', ";"], ["solo", ","], ["", ","]
  ])("%j → %j", (line, delimiter) => {
    expect(sniffDelimiter(line)).toBe(delimiter);
  });

  it("takes the header line whatever the line ending", () => {
    expect(headerLine("a;b\r\n1;2")).toBe("a;b");
    expect(headerLine("a,b\n1,2")).toBe("a,b");
  });
});

describe("readCsv", () => {
  it("drops a UTF-8 BOM and trims header names, keeping cells as text", async () => {
    const file = await files.file("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(" Post ID , Reach \n0012345678901234567,\"15,000\"\n")]));
    expect(await all(file)).toEqual([{line: 2, cells: {"Post ID": "0012345678901234567", "Reach": "15,000"}}]);
  });

  it("reads `;`-separated Windows-1252 with accents in header and cells", async () => {
    // latin1 writes à, ì as E0, EC and U+0096 as 0x96, the Windows-1252 en dash
    const exact = await files.file("cp1252.csv", Buffer.from("Qualità;Città\r\nalta;Forlì \u0096 centro\r\n", "latin1"));
    expect(await all(exact)).toEqual([{line: 2, cells: {"Qualità": "alta", "Città": "Forlì – centro"}}]);
  });

  it("numbers records by the line they start on, with multi-line quoted cells, CRLF and blank lines", async () => {
    const file = await files.file("multi.csv", 'id,text\r\n1,"riga uno\r\nriga ""due"""\r\n\r\n2,"a\nb\nc"\r\n3,fine\r\n\r\n\r\n');
    expect(await all(file)).toEqual([
      {line: 2, cells: {id: "1", text: 'riga uno\nriga "due"'}},
      {line: 5, cells: {id: "2", text: "a\nb\nc"}},
      {line: 8, cells: {id: "3", text: "fine"}}
    ]);
  });

  it("reads tab-separated files", async () => {
    const file = await files.file("tabs.csv", "a\tb\n1\t2\n");
    expect(await all(file)).toEqual([{line: 2, cells: {a: "1", b: "2"}}]);
  });

  it("yields nothing for an empty file", async () => {
    expect(await all(await files.file("empty.csv", ""))).toEqual([]);
  });

  it("rejects a row with more or fewer cells than the header, naming the line", async () => {
    const more = await files.file("more.csv", "a,b\n1,2\n3,4,5\n");
    await expect(all(more)).rejects.toThrow(/more\.csv, line 3: invalid record length: columns length is 2, got 3 on line 3$/);
    const fewer = await files.file("fewer.csv", "a,b\n1\n");
    await expect(all(fewer)).rejects.toThrow(/fewer\.csv, line 2: invalid record length: columns length is 2, got 1 on line 2$/);
  });

  it("rejects broken quoting, naming the line", async () => {
    await expect(all(await files.file("quote.csv", 'a,b\n1,"x"y\n'))).rejects.toThrow(/quote\.csv, line 2: invalid closing quote: got "y" at line 2/);
    await expect(all(await files.file("open.csv", 'a,b\n1,"x\n2,z\n'))).rejects.toThrow(/open\.csv, line 3: quote not closed/);
  });
});

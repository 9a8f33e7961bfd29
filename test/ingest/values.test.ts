import {describe, expect, it} from "vitest";
import {
  blank, decodeEntities, fixMojibake, fixMojibakeDeep, fromUnixSeconds, guessDayFirst, hashtagsOf, htmlToText, id,
  isScientificId, mentionsOf, num, parseIsoDate, parseSlashDate, parseTwitterDate, str, wallTimeToUtc
} from "../../ingest/values.ts";

describe("num", () => {
  it.each([
    ["1.234", 1234], ["1,234", 1234], ["15,000", 15000], ["2,7", 2.7], ["1.5", 1.5], ["0,5", 0.5],
    ["1.234,56", 1234.56], ["1,234.56", 1234.56], ["1.234.567", 1234567], ["1,234,567", 1234567],
    [" 1 234 ", 1234], ["1\u00a0234", 1234], ["1'234", 1234], ["12%", 12], ["+12", 12], ["-3", -3],
    ["1.2K", 1200], ["1,5K", 1500], ["2M", 2e6], ["3e5", 300000]
  ])("reads %j without a locale as %d", (text, value) => {
    expect(num(text)).toBe(value);
  });

  it("passes numbers and bigints through", () => {
    expect([num(42), num(10n), num(Number.POSITIVE_INFINITY)]).toEqual([42, 10, null]);
  });

  it.each([["", null], ["-", null], ["N/A", null], ["n/a", null], ["None", null], ["null", null], [null, null],
    [undefined, null], ["abc", null], ["(12)", null], [Number.NaN, null]])("reads %j as null", (text, value) => {
    expect(num(text)).toBe(value);
  });

  it("follows an Italian locale (decimal comma, '.' thousands)", () => {
    const it = {decimal: "," as const};
    expect([num("1.234", it), num("2,7", it), num("1.234,56", it), num("15,000", it), num("1.000.000", it)])
      .toEqual([1234, 2.7, 1234.56, 15, 1000000]);
  });

  it("follows an English locale (decimal point, ',' thousands)", () => {
    const en = {decimal: "." as const};
    expect([num("1.234", en), num("15,000", en), num("1,234.56", en), num("1,000,000", en)]).toEqual([1.234, 15000, 1234.56, 1000000]);
  });

  it("refuses separators that contradict the locale or the grouping instead of guessing", () => {
    expect(num("1,234.56", {decimal: ","})).toBeNull();
    expect(num("1.000,5", {decimal: "."})).toBeNull();
    expect(num("2,7", {decimal: "."})).toBeNull();
    expect(num("12,34,567")).toBeNull();
    expect(num("1.23457E+17", {decimal: ","})).toBeNull();
  });
});

describe("ids and blanks", () => {
  it("keeps ids as text and refuses numbers past 2^53", () => {
    expect(id("18034567890123457")).toBe("18034567890123457");
    expect(id("\t123\t")).toBe("123");
    expect(id(123)).toBe("123");
    expect(id("")).toBeNull();
    expect(() => id(18034567890123457)).toThrow("id 18034567890123456 was read as a number past 2^53 and lost its digits");
  });

  it("spots Excel's scientific ids, with a decimal point or comma", () => {
    expect(["1.23457E+17", "1,23457E+17", "1E+15", "1.2e+17"].map(isScientificId)).toEqual([true, true, true, true]);
    expect(["123457000000000000", "1.5", "E+17", "1.2E-3"].map(isScientificId)).toEqual([false, false, false, false]);
  });

  it("treats empty, N/A, -, None and null as blank; str trims and drops BOMs", () => {
    expect(["", "  ", "N/A", "-", "None", "null", null, undefined].every(blank)).toBe(true);
    expect(["0", "a", 0].some(blank)).toBe(false);
    expect(str("\uFEFF ciao ")).toBe("ciao");
    expect(str("N/A")).toBeNull();
  });
});

describe("parseSlashDate and guessDayFirst", () => {
  const rome = {zone: "Europe/Rome"};
  it("reads US and day-first dates in the account's zone", () => {
    expect(parseSlashDate("04/15/2025 18:30", {dayFirst: false, ...rome})).toBe("2025-04-15T16:30:00.000Z");
    expect(parseSlashDate("15/04/2025 18:30", {dayFirst: true, ...rome})).toBe("2025-04-15T16:30:00.000Z");
    expect(parseSlashDate("1/9/24", {dayFirst: false, ...rome})).toBe("2024-01-08T23:00:00.000Z");
    expect(parseSlashDate("10/27/2024 2:30 PM", {dayFirst: false, ...rome})).toBe("2024-10-27T13:30:00.000Z");
    expect(parseSlashDate("10/27/2024 12:30 AM", {dayFirst: false, ...rome})).toBe("2024-10-26T22:30:00.000Z");
    expect(parseSlashDate("15/04/2025 08.05", {dayFirst: true, zone: "UTC"})).toBe("2025-04-15T08:05:00.000Z");
  });

  it("moves a time in the spring-forward gap (31 March 2024, Rome) forward by the gap", () => {
    expect(parseSlashDate("03/31/2024 01:59", {dayFirst: false, ...rome})).toBe("2024-03-31T00:59:00.000Z");
    expect(parseSlashDate("03/31/2024 02:30", {dayFirst: false, ...rome})).toBe("2024-03-31T01:30:00.000Z");
    expect(parseSlashDate("03/31/2024 03:00", {dayFirst: false, ...rome})).toBe("2024-03-31T01:00:00.000Z");
  });

  it("reads a repeated fall-back hour (27 October 2024, Rome) as its first occurrence", () => {
    expect(parseSlashDate("27/10/2024 01:30", {dayFirst: true, ...rome})).toBe("2024-10-26T23:30:00.000Z");
    expect(parseSlashDate("27/10/2024 02:30", {dayFirst: true, ...rome})).toBe("2024-10-27T00:30:00.000Z");
    expect(parseSlashDate("27/10/2024 03:30", {dayFirst: true, ...rome})).toBe("2024-10-27T02:30:00.000Z");
  });

  it("refuses impossible dates instead of rolling them over", () => {
    expect(() => parseSlashDate("02/30/2024", {dayFirst: false, ...rome})).toThrow('impossible date "02/30/2024"');
    expect(() => parseSlashDate("04/15/2025", {dayFirst: true, ...rome})).toThrow('impossible date "04/15/2025"');
    expect(() => parseSlashDate("01/01/2024 24:10", {dayFirst: true, ...rome})).toThrow("impossible date");
    expect(() => parseSlashDate("2024-01-01", {dayFirst: true, ...rome})).toThrow('unrecognised date "2024-01-01"');
  });

  it("decides day-first from the first field over 12, US order otherwise", () => {
    expect(guessDayFirst(["01/02/2024", "13/04/2024"])).toBe(true);
    expect(guessDayFirst(["01/13/2024", "13/04/2024"])).toBe(false);
    expect(guessDayFirst(["01/02/2024", "03/04/2024"])).toBe(false);
    expect(guessDayFirst(["Lifetime", "", "25/12/2024 10:00"])).toBe(true);
  });
});

describe("wallTimeToUtc", () => {
  it("converts in UTC and other zones", () => {
    expect(wallTimeToUtc(Date.UTC(2024, 6, 1, 12), "UTC")).toBe("2024-07-01T12:00:00.000Z");
    expect(wallTimeToUtc(Date.UTC(2024, 6, 1, 12), "America/New_York")).toBe("2024-07-01T16:00:00.000Z");
    expect(wallTimeToUtc(Date.UTC(2024, 0, 1, 12), "Europe/Rome")).toBe("2024-01-01T11:00:00.000Z");
  });
});

describe("parseIsoDate", () => {
  it.each([
    ["2024-03-01T10:15:00+0000", "2024-03-01T10:15:00.000Z"],
    ["2024-03-01T10:15:00+01:00", "2024-03-01T09:15:00.000Z"],
    ["2024-03-01T10:15:00-0530", "2024-03-01T15:45:00.000Z"],
    ["2025-05-18T07:36:14Z", "2025-05-18T07:36:14.000Z"],
    ["2025-05-18T07:36:14.000Z", "2025-05-18T07:36:14.000Z"],
    ["2025-05-18T07:36:14.123456Z", "2025-05-18T07:36:14.123Z"],
    ["2017-05-06 11:20:45 +0000", "2017-05-06T11:20:45.000Z"],
    ["2024-03-01T10:15Z", "2024-03-01T10:15:00.000Z"]
  ])("reads %s", (text, iso) => {
    expect(parseIsoDate(text)).toBe(iso);
  });

  it("needs a zone for a zone-less time, and places it in that zone", () => {
    expect(() => parseIsoDate("2024-03-01T10:15:00")).toThrow('date "2024-03-01T10:15:00" has no time zone');
    expect(parseIsoDate("2024-03-01T10:15:00", {zone: "Europe/Rome"})).toBe("2024-03-01T09:15:00.000Z");
    expect(parseIsoDate("2024-03-31T02:30:00", {zone: "Europe/Rome"})).toBe("2024-03-31T01:30:00.000Z");
    expect(parseIsoDate("2024-10-27 02:30", {zone: "Europe/Rome"})).toBe("2024-10-27T00:30:00.000Z");
  });

  it("refuses other shapes and impossible dates", () => {
    expect(() => parseIsoDate("01/03/2024 10:15")).toThrow('unrecognised date "01/03/2024 10:15"');
    expect(() => parseIsoDate("2024-02-30T10:00:00Z")).toThrow('impossible date "2024-02-30T10:00:00Z"');
    expect(() => parseIsoDate("2024-03-01T10:15:00 CET")).toThrow("unrecognised date");
  });
});

describe("parseTwitterDate and fromUnixSeconds", () => {
  it("reads X's created_at with its offset", () => {
    expect(parseTwitterDate("Tue Mar 04 08:15:00 +0000 2025")).toBe("2025-03-04T08:15:00.000Z");
    expect(parseTwitterDate("Sun Oct 27 02:30:00 +0100 2024")).toBe("2024-10-27T01:30:00.000Z");
    expect(() => parseTwitterDate("2025-03-04T08:15:00Z")).toThrow('unrecognised X date "2025-03-04T08:15:00Z"');
    expect(() => parseTwitterDate("Tue Foo 04 08:15:00 +0000 2025")).toThrow("unrecognised X date");
  });

  it("reads Unix seconds", () => {
    expect(fromUnixSeconds(1711846800)).toBe("2024-03-31T01:00:00.000Z");
    expect(fromUnixSeconds("1711846800")).toBe("2024-03-31T01:00:00.000Z");
    expect(() => fromUnixSeconds("ieri")).toThrow('unrecognised Unix time "ieri"');
  });
});

describe("text repair", () => {
  it("repairs Meta's byte-per-character mojibake and leaves real Latin-1 and Unicode alone", () => {
    expect(fixMojibake("Citt\u00c3\u00a0 di Roma")).toBe("Città di Roma");
    expect(fixMojibake("\u00f0\u009f\u0098\u0080")).toBe("😀");
    expect(fixMojibake("café")).toBe("café");
    expect(fixMojibake("Città 😀")).toBe("Città 😀");
    expect(fixMojibakeDeep({"Citt\u00c3\u00a0": ["perch\u00c3\u00a9", 3, null]})).toEqual({"Città": ["perché", 3, null]});
  });

  it("decodes entities once", () => {
    expect(decodeEntities("Fish &amp; chips &amp;lt;3 &#39;ok&#39; &#x1F600; &quot;x&quot; &nbsp;")).toBe("Fish & chips &lt;3 'ok' 😀 \"x\" \u00a0");
    expect(decodeEntities("&foo; &#99999999; & ;")).toBe("&foo; &#99999999; & ;");
    expect(htmlToText("<p>Ciao <b>città</b><br>riga</p><p>due &amp; tre</p>")).toBe("Ciao città\nriga\n\ndue & tre");
  });
});

describe("hashtagsOf and mentionsOf", () => {
  it("finds hashtags with Italian accents, lower-cased and unique, not inside words or entities", () => {
    expect(hashtagsOf("Festa a #Città e #perché #PERCHÉ #2024 #caffè_bar x#no &#39; #Àncora.")).toEqual(["città", "perché", "caffè_bar", "àncora"]);
    expect(hashtagsOf(null)).toEqual([]);
  });

  it("finds mentions, not e-mail addresses, trailing dots dropped", () => {
    expect(mentionsOf("Grazie @Comune.di.Roma. e @sindaco_x, scrivete a info@comune.it @Sindaco_X")).toEqual(["comune.di.roma", "sindaco_x"]);
    expect(mentionsOf("@àccento")).toEqual([]);
    expect(mentionsOf("")).toEqual([]);
  });
});

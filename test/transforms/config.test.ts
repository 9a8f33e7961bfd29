import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, test} from "vitest";
import {parseCampaigns, parseElectoralPeriods, parseHours, readTransformConfig} from "../../transforms/config.ts";
import {easterSunday, italianHolidays} from "../../transforms/holidays.ts";

describe("holidays", () => {
  test("Easter Sunday by the Gregorian computus", () => {
    expect([2019, 2024, 2025, 2026, 2038].map(easterSunday)).toEqual(["2019-04-21", "2024-03-31", "2025-04-20", "2026-04-05", "2038-04-25"]);
  });

  test("national holidays include Easter Monday, also when it falls in March", () => {
    const days = italianHolidays(2024).map((h) => h.day);
    expect(days).toHaveLength(12);
    expect(days).toContain("2024-04-01");
    expect(italianHolidays(2025).find((h) => h.day === "2025-04-21")?.name).toBe("Lunedì dell'Angelo");
  });
});

describe("configuration files", () => {
  test("hours: the shared format (weekday, opens, closes, channel), plus day ranges and names", () => {
    const hours = parseHours([
      {entity_id: "", weekday: "1", opens: "09:00", closes: "13:00", channel: "social"},
      {entity_id: "e1", weekday: "2", opens: "15:00", closes: "17:00", channel: "social"},
      {entity_id: "e1", weekday: "3", opens: "08:00", closes: "18:00", channel: "urp"},
      {entity_id: "e2", days: "lun-ven", open: "9:00", close: "12:00"},
      {entity_id: "e3", days: "sat,sun", open: "09.30", close: "12:00"}
    ]);
    // the urp row is another service: response times use the social hours
    expect(hours.map((h) => `${h.entity_id} ${h.isodow} ${h.open}-${h.close}`)).toEqual([
      "* 1 09:00-13:00", "e1 2 15:00-17:00",
      "e2 1 09:00-12:00", "e2 2 09:00-12:00", "e2 3 09:00-12:00", "e2 4 09:00-12:00", "e2 5 09:00-12:00",
      "e3 6 09:30-12:00", "e3 7 09:30-12:00"
    ]);
  });

  test("errors name the file, the row and the value", () => {
    expect(() => parseHours([{weekday: "1", opens: "9", closes: "13:00"}])).toThrow('hours.csv row 2: opens: "9" is not a time (HH:MM)');
    expect(() => parseHours([{weekday: "funday", opens: "09:00", closes: "13:00"}])).toThrow('hours.csv row 2: unknown weekday "funday"');
    expect(() => parseHours([{weekday: "1", opens: "13:00", closes: "09:00"}])).toThrow("hours.csv row 2: closes 09:00 is not after opens 13:00");
    expect(() => parseCampaigns([{campaign_id: "x", start_on: "2025-01-01", end_on: "2025-01-02"}]))
      .toThrow("campaigns.csv row 2: campaign x has neither hashtags nor keywords");
    expect(() => parseCampaigns([{campaign_id: "x", hashtag: "a", start_on: "2025-02-01", end_on: "2025-01-02"}]))
      .toThrow("campaigns.csv row 2: end_on 2025-01-02 is before start_on 2025-02-01");
    expect(() => parseElectoralPeriods([{start_on: "1/3/2025", end_on: "2025-03-10"}]))
      .toThrow('electoral-periods.csv row 2: start_on: "1/3/2025" is not a date (YYYY-MM-DD)');
  });

  test("electoral periods: rows of one period merge; an empty entity binds everyone", () => {
    expect(parseElectoralPeriods([
      {entity_id: "", start_on: "2025-05-01", end_on: "2025-06-09", kind: "referendum", label: "Referendum"},
      {entity_id: "e1", start_on: "2025-04-01", end_on: "2025-05-26", kind: "comunali", label: "Comunali"},
      {entity_id: "e2", start_on: "2025-04-01", end_on: "2025-05-26", kind: "comunali", label: "Comunali"}
    ])).toEqual([
      {period_id: "referendum-2025-05-01-2025-06-09", name: "Referendum", start_on: "2025-05-01", end_on: "2025-06-09", entity_ids: []},
      {period_id: "comunali-2025-04-01-2025-05-26", name: "Comunali", start_on: "2025-04-01", end_on: "2025-05-26", entity_ids: ["e1", "e2"]}
    ]);
  });

  test("the shipped data/config files parse", () => {
    const config = readTransformConfig(fileURLToPath(new URL("../../data/config/", import.meta.url)), {});
    expect(config.campaigns.length).toBeGreaterThan(0);
    expect(config.electoralPeriods.length).toBeGreaterThan(0);
    expect(config.hours.some((h) => h.entity_id === "*")).toBe(true);
  });

  test("campaigns: hashtags without # and lower-cased, keywords kept whole", () => {
    expect(parseCampaigns([{campaign_id: "rd", hashtag: "#Raccolta|#RD", keywords: "raccolta differenziata; sacchi", start_on: "2025-03-01", end_on: "2025-03-31"}]))
      .toEqual([{campaign_id: "rd", name: "rd", entity_id: null, hashtags: ["raccolta", "rd"], keywords: ["raccolta differenziata", "sacchi"],
        start_on: "2025-03-01", end_on: "2025-03-31", tail_days: 30}]);
  });

  test("a folder without files gives the defaults; settings.csv and the environment override k", () => {
    const dir = mkdtempSync(join(tmpdir(), "ascolto-config-"));
    try {
      const empty = readTransformConfig(dir, {});
      expect(empty).toMatchObject({privacyK: 5, dormantDays: 60, holidays: [], campaigns: [], electoralPeriods: []});
      expect(empty.hours.map((h) => h.isodow)).toEqual([1, 2, 3, 4, 5]);
      writeFileSync(join(dir, "settings.csv"), "key,value\nprivacy_k,10\ndormant_days,90\n");
      expect(readTransformConfig(dir, {})).toMatchObject({privacyK: 10, dormantDays: 90});
      expect(readTransformConfig(dir, {ASCOLTO_PRIVACY_K: "3"}).privacyK).toBe(3);
      expect(() => readTransformConfig(dir, {ASCOLTO_PRIVACY_K: "0"})).toThrow('privacy_k: "0" is not a positive integer');
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

import {describe, expect, it} from "vitest";
import {format} from "./components.ts";

const {formatChange, formatCompact, formatDateTime, formatDay, formatDuration, formatMonth, formatNumber, formatPercent, formatPoints, formatShare, platformName, topicName} = format;

describe("Italian formats", () => {
  it("numbers: dot for thousands, comma for decimals, a dash when missing", () => {
    expect(formatNumber(1234567)).toBe("1.234.567");
    expect(formatNumber(2.75, {digits: 1})).toBe("2,8");
    expect(formatNumber(-3)).toBe("−3");
    expect(formatNumber(null)).toBe("–");
    expect(formatNumber(Number.NaN)).toBe("–");
    expect(formatCompact(12345)).toBe("12 mila");
    expect(formatCompact(1_250_000)).toBe("1,3 mln");
    expect(formatCompact(431)).toBe("431");
  });

  it("percentages, points and changes", () => {
    expect(formatPercent(0.783)).toBe("78%");
    expect(formatPercent(0.0123, {digits: 1})).toBe("1,2%");
    expect(formatPoints(0.031)).toBe("+3,1 p.p.");
    expect(formatPoints(-0.12)).toBe("−12 p.p.");
    expect(formatChange(110, 100)).toBe("+10%");
    expect(formatChange(90, 100)).toBe("−10%");
    expect(formatChange(5, 0)).toBe("–");
  });

  it("durations as a reader says them", () => {
    expect(formatDuration(0.5)).toBe("30 minuti");
    expect(formatDuration(1)).toBe("1 ora");
    expect(formatDuration(3.2)).toBe("3 ore");
    expect(formatDuration(2.75)).toBe("3 ore");
    expect(formatDuration(2.6)).toBe("2,5 ore");
    expect(formatDuration(17.4)).toBe("17 ore");
    expect(formatDuration(60)).toBe("2,5 giorni");
    expect(formatDuration(null)).toBe("–");
  });

  it("dates in Italian; instants in Europe/Rome", () => {
    expect(formatMonth("2025-06-01")).toBe("giugno 2025");
    expect(formatDay("2025-03-09")).toBe("9 marzo 2025");
    expect(formatDateTime("2025-06-30 16:10:11+00")).toBe("30/06/25, 18:10");
    expect(formatDateTime("2025-01-15T23:30:00Z")).toBe("16/01/25, 00:30");
  });

  it("a share over few cases comes with its count and interval, never bare", () => {
    expect(formatShare({count: 4, total: 6, low: 0.3, high: 0.9})).toBe("4 su 6 (67%, intervallo 30–90%)");
    expect(formatShare({count: 390, total: 500})).toBe("78% (390 su 500)");
    expect(formatShare({count: 12, total: 40, small: true})).toBe("12 su 40 (30%)");
    expect(formatShare({count: 0, total: 0})).toBe("nessun caso");
  });

  it("names of platforms and topics", () => {
    expect(platformName("youtube")).toBe("YouTube");
    expect(platformName("bluesky")).toBe("bluesky");
    expect(topicName("mobilita-traffico")).toBe("Mobilità traffico");
    expect(topicName("rifiuti", {rifiuti: "rifiuti e ambiente"})).toBe("rifiuti e ambiente");
    expect(topicName("none")).toBe("senza tema");
  });

  it("response bands, ranges of hours and content types in words", () => {
    expect(format.bandName("1d_3d")).toBe("1–3 giorni");
    expect(format.formatHoursRange(0, 1)).toBe("meno di 1 ora");
    expect(format.formatHoursRange(1, 24)).toBe("tra 1 ora e 24 ore");
    expect(format.formatHoursRange(72, null)).toBe("più di 3 giorni");
    expect(format.contentTypeName("carousel")).toBe("carosello");
    expect(format.contentTypeName("unknown")).toBe("non indicato");
  });
});

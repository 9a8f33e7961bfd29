import {describe, expect, it} from "vitest";
import {chartCard, electoralNotice, headline, rollups} from "./components.ts";

const {careTotals, latest, netSentiment, ratio, rollup, sentimentByMonth, sentimentTotals, sum, top, wilson} = rollups;
const {activePeriods, todayInRome} = electoralNotice;
const {trendOf} = headline;
const {toCsv} = chartCard;

describe("rollups: the marts' formulas on filtered totals", () => {
  it("wilson matches macros.sql (values taken from pub_customer_care)", () => {
    const [low, high] = wilson(4, 22);
    expect(low).toBeCloseTo(0.0730676602410512, 12);
    expect(high).toBeCloseTo(0.3851702197663787, 12);
    expect(wilson(0, 5)[0]).toBe(0);
    expect(wilson(5, 5)[1]).toBe(1);
    expect(wilson(0, 0)).toEqual([null, null]);
  });

  it("ratio, net sentiment, sum and rollup", () => {
    expect(ratio(1, 0)).toBeNull();
    expect(netSentiment(3, 1)).toBe(0.5);
    expect(sum([{a: 1}, {a: null}, {a: 2}], "a")).toBe(3);
    expect(sum([{a: null}], "a")).toBeNull();
    expect(rollup([{p: "x", n: 1}, {p: "x", n: 2}, {p: "y", n: 5}], ["p"], ["n"])).toEqual([{p: "x", n: 3, rows: 2}, {p: "y", n: 5, rows: 1}]);
    expect(top([{t: "a", n: 1}, {t: "b", n: 5}, {t: "a", n: 1}], "t", "n", 1)).toEqual([{t: "b", n: 5}]);
    expect(latest([{month_start: "2025-05-01", v: 1}, {month_start: "2025-06-01", v: 2}])).toEqual([{month_start: "2025-06-01", v: 2}]);
  });

  it("care totals: answered share with interval, typical time weighted by answers", () => {
    const totals = careTotals([
      {requests: 10, answered: 5, redirected: 1, median_response_hours: 2},
      {requests: 30, answered: 15, redirected: 3, median_response_hours: 6}
    ]);
    expect(totals).toMatchObject({requests: 40, answered: 20, redirected: 4, pct_answered: 0.5, small: false, typicalHours: 5});
    expect(totals.low).toBeCloseTo(wilson(20, 40)[0]!, 12);
    expect(careTotals([])).toMatchObject({requests: 0, pct_answered: null, small: true, typicalHours: null});
  });

  it("sentiment totals and months use the 'all' topic only", () => {
    const rows = [
      {month_start: "2025-06-01", platform: "x", topic: "all", items: 10, positive: 6, negative: 2, neutral: 2},
      {month_start: "2025-06-01", platform: "x", topic: "tributi", items: 10, positive: 6, negative: 2, neutral: 2},
      {month_start: "2025-05-01", platform: "facebook", topic: "all", items: 4, positive: 0, negative: 4, neutral: 0}
    ];
    expect(sentimentTotals(rows)).toMatchObject({items: 14, positive: 6, negative: 6, polar: 12, pct_positive: 0.5, net: 0});
    expect(sentimentByMonth(rows).map((d: any) => [d.month_start, d.net_sentiment])).toEqual([["2025-05-01", -1], ["2025-06-01", 0.5]]);
  });
});

describe("small component helpers", () => {
  it("trendOf: up, down or flat within the tolerance", () => {
    expect(trendOf(110, 100)).toBe("up");
    expect(trendOf(101, 100)).toBe("flat");
    expect(trendOf(0.40, 0.45, {absolute: true})).toBe("down");
    expect(trendOf(null, 1)).toBeNull();
  });

  it("electoral periods running on a day, for every entity or the listed ones", () => {
    const periods = [{period_id: "ref", start_on: "2025-05-01", end_on: "2025-06-09", entity_ids: []},
      {period_id: "local", start_on: "2025-05-10", end_on: "2025-05-20", entity_ids: ["valdoria"]}];
    expect(activePeriods(periods, "2025-05-15", "borgoverde").map((p: any) => p.period_id)).toEqual(["ref"]);
    expect(activePeriods(periods, "2025-05-15", "valdoria").map((p: any) => p.period_id)).toEqual(["ref", "local"]);
    expect(activePeriods(periods, "2025-06-10")).toEqual([]);
    expect(todayInRome(new Date("2025-05-31T22:30:00Z"))).toBe("2025-06-01");
  });

  it("CSV: raw values with the column keys as header, lists joined, nulls empty, quotes escaped", () => {
    expect(toCsv([{a: 1.5, b: null, c: ["x", "y"], d: 'di "noi"'}], [{key: "a"}, {key: "b"}, {key: "c"}, {key: "d"}]))
      .toBe('a,b,c,d\n1.5,,x|y,"di ""noi"""');
  });
});

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

describe("response bands (pub_response_times)", () => {
  const {bandTotals, medianBand, responseCells} = rollups;
  const band = (b: string, order: number, min: number | null, max: number | null) =>
    ({band: b, band_order: order, band_min_hours: min, band_max_hours: max, is_answered: b !== "unanswered"});
  const lt1 = band("lt_1h", 1, 0, 1), h4 = band("1h_4h", 2, 1, 4), h24 = band("4h_24h", 3, 4, 24), d3 = band("1d_3d", 4, 24, 72),
    gt3 = band("gt_3d", 5, 72, null), none = band("unanswered", 6, null, null);
  // the fixture's March on Facebook: 0, 1, 1.5, 5, 45.25, 69.5 h and one unanswered (test/transforms/new-marts.test.ts)
  const march = [{...lt1, requests: 1}, {...h4, requests: 2}, {...h24, requests: 1}, {...d3, requests: 2}, {...none, requests: 1}]
    .map((d) => ({...d, weekday: 0, hour: -1}));

  it("sums months and channels band by band, in band order", () => {
    expect(bandTotals([...march, {...h4, weekday: 0, hour: -1, requests: 3}]).map((d: any) => [d.band, d.requests]))
      .toEqual([["lt_1h", 1], ["1h_4h", 5], ["4h_24h", 1], ["1d_3d", 2], ["unanswered", 1]]);
  });

  it("the median's band: 6 answers split 3 | 3 at 4 h, so the true median (3.25 h) lies between 1 and 24 h", () => {
    expect(medianBand(march)).toEqual({low: 1, high: 24, band: "1h_4h+4h_24h", answered: 6});
    expect(medianBand([...march, {...gt3, weekday: 0, hour: -1, requests: 1}])).toEqual({low: 4, high: 24, band: "4h_24h", answered: 7});
    expect(medianBand([{...none, requests: 3}])).toBeNull();
  });

  it("weekday × hour cells: answered share with its interval and the median band", () => {
    const cells = responseCells([
      {...lt1, weekday: 2, hour: 11, requests: 3}, {...none, weekday: 2, hour: 11, requests: 1},
      {...gt3, weekday: 6, hour: 22, requests: 1}, {...none, weekday: 6, hour: 22, requests: 1}, ...march
    ]);
    expect(cells.map(({low, high, ...c}: any) => c)).toEqual([
      {isodow: 2, hour: 11, requests: 4, answered: 3, pct_answered: 0.75, median_band: "lt_1h", median_low: 0, median_high: 1, median_order: 1},
      {isodow: 6, hour: 22, requests: 2, answered: 1, pct_answered: 0.5, median_band: "gt_3d", median_low: 72, median_high: null, median_order: 5}
    ]);
    expect(cells[0].low).toBeCloseTo(wilson(3, 4)[0], 12);
  });
});

import {describe, expect, it} from "vitest";
import {filters as module} from "./components.ts";

const {filterRows, filtersQuery, periodRange, readFilters} = module;

const entities = [{entity_id: "borgoverde", name: "Comune di Borgoverde"}, {entity_id: "valdoria", name: "Comune di Valdoria"}];

describe("readFilters and filtersQuery", () => {
  it("reads the query string, falling back to the defaults on unknown values", () => {
    expect(readFilters("?periodo=6m&ente=valdoria&canale=x", {entities, platforms: ["x", "facebook"]}))
      .toEqual({period: "6m", entity: "valdoria", platform: "x"});
    expect(readFilters("?periodo=5y&ente=atlantide&canale=myspace", {entities, platforms: ["x"]}))
      .toEqual({period: "3m", entity: "borgoverde", platform: "all"});
    expect(readFilters("?ente=all", {entities}).entity).toBe("all");
  });

  it("writes what it reads", () => {
    const filters = {period: "12m", entity: "valdoria", platform: "facebook"};
    expect(filtersQuery(filters)).toBe("?periodo=12m&ente=valdoria&canale=facebook");
    expect(readFilters(filtersQuery(filters), {entities, platforms: ["facebook"]})).toEqual(filters);
  });
});

describe("periodRange", () => {
  it("whole months up to the data's latest month, and the same length before", () => {
    expect(periodRange("3m", "2025-06-30")).toEqual({start: "2025-04-01", end: "2025-07-01", previousStart: "2025-01-01", previousEnd: "2025-04-01", months: 3});
    expect(periodRange("1m", "2025-01-15")).toMatchObject({start: "2025-01-01", end: "2025-02-01", previousStart: "2024-12-01"});
    expect(periodRange("all", "2025-06-30")).toMatchObject({start: "0000-01-01", end: "2025-07-01", previousStart: null});
  });
});

describe("filterRows", () => {
  const rows = [
    {entity_id: "valdoria", platform: "x", month_start: "2025-03-01"},
    {entity_id: "valdoria", platform: "facebook", month_start: "2025-06-01"},
    {entity_id: "borgoverde", platform: "x", month_start: "2025-06-01"},
    {platform: "x", month_start: "2025-05-01"}
  ];

  it("keeps the rows of the period, entity and platform (rows without the column pass)", () => {
    const filters = {period: "3m", entity: "valdoria", platform: "x"};
    expect(filterRows(rows, filters, {asOf: "2025-06-30"})).toEqual([rows[3]]);
    expect(filterRows(rows, {...filters, platform: "all"}, {asOf: "2025-06-30"})).toEqual([rows[1], rows[3]]);
    expect(filterRows(rows, {...filters, entity: "all", platform: "all", period: "all"}, {asOf: "2025-06-30"})).toEqual(rows);
  });

  it("previous: the period before; a custom date column; no rows when there is no previous period", () => {
    expect(filterRows(rows, {period: "3m", entity: "valdoria", platform: "all"}, {asOf: "2025-06-30", previous: true})).toEqual([rows[0]]);
    expect(filterRows([{day: "2025-06-10"}, {day: "2025-02-10"}], {period: "1m", entity: "all", platform: "all"}, {asOf: "2025-06-30", dateKey: "day"}))
      .toEqual([{day: "2025-06-10"}]);
    expect(filterRows(rows, {period: "all", entity: "all", platform: "all"}, {asOf: "2025-06-30", previous: true})).toEqual([]);
    expect(filterRows(null, {period: "all"}, {asOf: "2025-06-30"})).toEqual([]);
  });
});

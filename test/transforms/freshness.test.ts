import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {query, tempWarehouse} from "../helpers/warehouse.ts";
import {seedAndTransform} from "./build.ts";
import type {Seed} from "./seed.ts";

// Two comuni, spring 2025. Times are UTC; Rome is UTC+2. The comments give the Rome day.
const fb = {platform: "facebook", account_id: "page1"};
const seed: Seed = {
  entities: [{entity_id: "e1", name: "Comune di Prova"}, {entity_id: "e2", name: "Comune di Altrove"}],
  entity_accounts: [
    {entity_id: "e1", platform: "facebook", handle: "comuneprova", account_id: "page1"},
    {entity_id: "e1", platform: "instagram", handle: "prova_ig", account_id: "ig1"},
    // known by handle only: a citizen's post tagging it is addressed to e1
    {entity_id: "e1", platform: "x", handle: "comuneprova", account_id: null},
    {entity_id: "e2", platform: "facebook", handle: "comunealtrove", account_id: "page2"},
    // listed, never exported
    {entity_id: "e2", platform: "youtube", handle: "altrovetv", account_id: "chan2"}
  ],
  accounts: [
    {...fb, handle: "comuneprova", entity_id: "e1", last_seen_at: "2025-05-03T08:00:00Z"},
    // an insights export: account rows and daily metrics, no items
    {platform: "instagram", account_id: "ig1", handle: "prova_ig", entity_id: "e1", last_seen_at: "2025-05-06T08:00:00Z"},
    {platform: "facebook", account_id: "page2", handle: "comunealtrove", entity_id: "e2"},
    {platform: "facebook", account_id: "page9", handle: "altro"}
  ],
  items: [
    // p1 1 Apr, exported 2 Apr; p2 1 May 00:30, last exported 4 May 00:30
    {...fb, author_id: "page1", item_id: "p1", created_at: "2025-04-01T08:00:00Z", last_seen_at: "2025-04-02T10:00:00Z"},
    {...fb, author_id: "page1", item_id: "p2", created_at: "2025-04-30T22:30:00Z", last_seen_at: "2025-05-03T22:30:00Z"},
    // either side of the 30 days' first midnight (12 Apr 00:00): c2 11 Apr 23:59, c3 12 Apr 00:00
    {...fb, author_id: "u1", item_id: "c2", kind: "comment", parent_id: "p1", created_at: "2025-04-11T21:59:00Z"},
    {...fb, author_id: "u1", item_id: "c3", kind: "comment", parent_id: "p1", created_at: "2025-04-11T22:00:00Z"},
    // a citizen's post tagging @comuneprova, 10 May, last exported 11 May 01:30
    {platform: "x", account_id: "u2", author_id: "u2", item_id: "x1", mentions: ["comuneprova"],
      created_at: "2025-05-10T10:00:00Z", last_seen_at: "2025-05-10T23:30:00Z"},
    // nobody's: no row of its own, but the warehouse's newest item (11 May 00:30), so the as-of date
    {platform: "x", account_id: "u3", author_id: "u3", item_id: "x2", created_at: "2025-05-10T22:30:00Z"},
    {platform: "facebook", account_id: "page2", author_id: "page2", item_id: "p20", created_at: "2025-03-01T12:00:00Z"}
  ],
  account_daily: [
    {...fb, day: "2025-05-02", followers: 100},
    {platform: "instagram", account_id: "ig1", day: "2025-05-05", followers: 50},
    {platform: "facebook", account_id: "page9", day: "2025-05-09", followers: 10}
  ]
};

const warehouse = tempWarehouse();
beforeAll(() => seedAndTransform(warehouse.path, [seed]));
afterAll(() => warehouse.cleanup());

describe("pub_freshness", () => {
  test("per entity and platform: newest item, newest export, newest daily metrics, age and the last 30 days' items", async () => {
    expect(await query(warehouse.path, `select entity_id, platform, newest_item_on::varchar as item, newest_export_on::varchar as export,
      newest_daily_on::varchar as daily, as_of_on::varchar as as_of, days_since_newest_item as age, items_last_30_days as recent
      from pub_freshness order by entity_id, platform`)).toEqual([
      // items p1, p2, c2, c3; the newest export is p2's (4 May), later than the account's (3 May); 30 days = 12 Apr–11 May: p2, c3
      {entity_id: "e1", platform: "facebook", item: "2025-05-01", export: "2025-05-04", daily: "2025-05-02", as_of: "2025-05-11", age: 10, recent: 2},
      // insights only: no item, so no age; its export and days come from the account and its daily rows
      {entity_id: "e1", platform: "instagram", item: null, export: "2025-05-06", daily: "2025-05-05", as_of: "2025-05-11", age: null, recent: 0},
      {entity_id: "e1", platform: "x", item: "2025-05-10", export: "2025-05-11", daily: null, as_of: "2025-05-11", age: 1, recent: 1},
      // 1 Mar → 11 May: 31 + 30 + 10 days; its export date is the item's (the account has none)
      {entity_id: "e2", platform: "facebook", item: "2025-03-01", export: "2025-03-01", daily: null, as_of: "2025-05-11", age: 71, recent: 0},
      {entity_id: "e2", platform: "youtube", item: null, export: null, daily: null, as_of: "2025-05-11", age: null, recent: 0}
    ]);
  });

  test("the as-of date is pub_clock's", async () => {
    expect(await query(warehouse.path, "select distinct f.as_of_on = c.as_of_on as same from pub_freshness f, pub_clock c")).toEqual([{same: true}]);
  });
});

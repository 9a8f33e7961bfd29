import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {ingestInto, query, tempWarehouse} from "../../helpers/warehouse.ts";

const dir = join(import.meta.dirname, "../../fixtures/meta-insights");

describe("meta-insights-csv into a warehouse", () => {
  const warehouse = tempWarehouse();
  afterAll(() => warehouse.cleanup());

  it("loads content and daily exports and rejects a scientific-notation file", async () => {
    const results = await ingestInto(warehouse.path, [
      join(dir, "instagram-posts-en.csv"),
      join(dir, "Facebook Insights Data Export - Comune di Esempio - 2024-03-31.csv"),
      join(dir, "scientific-ids.csv")
    ]);
    expect(results.map((r) => [r.format, r.status])).toEqual([
      ["meta-insights-csv", "loaded"], ["meta-insights-csv", "loaded"], ["meta-insights-csv", "rejected"]
    ]);
    expect(results[2]!.error).toMatch(/scientific-ids\.csv, line 3, field Post ID: id "1\.23457E\+17"/);

    expect(await query(warehouse.path, `
      select platform, item_id, account_id, strftime(created_at at time zone 'UTC', '%Y-%m-%d %H:%M') as created_utc, kind, url
      from items order by item_id`)).toEqual([
      {platform: "instagram", item_id: "18034567890123457", account_id: "17841401234567890", created_utc: "2024-03-15 17:30", kind: "post", url: "https://www.instagram.com/p/C4aBcDeFgHi/"},
      {platform: "instagram", item_id: "18034567890123458", account_id: "17841401234567890", created_utc: "2024-03-31 01:30", kind: "post", url: "https://www.instagram.com/reel/C5xYz/"},
      {platform: "instagram", item_id: "18034567890123459", account_id: "17841401234567890", created_utc: "2024-04-02 07:05", kind: "post", url: "https://www.instagram.com/p/C5cArOuSeL/"}
    ]);
    expect(await query(warehouse.path, `
      select metric, metric_source, value from item_counts where item_id = '18034567890123457' order by metric`)).toEqual([
      {metric: "likes", metric_source: "Likes", value: 410}, {metric: "reach", metric_source: "Reach", value: 9800},
      {metric: "replies", metric_source: "Comments", value: 27}, {metric: "saves", metric_source: "Saves", value: 55},
      {metric: "shares", metric_source: "Shares", value: 12}, {metric: "views", metric_source: "Views", value: 15000}
    ]);
    expect(await query(warehouse.path, `
      select platform, account_id, strftime(day, '%Y-%m-%d') as day, followers::integer as followers, reach::integer as reach,
        profile_visits::integer as profile_visits
      from account_daily order by day`)).toEqual([
      {platform: "facebook", account_id: "name:comune di esempio", day: "2024-03-30", followers: 4210, reach: 1530, profile_visits: 41},
      {platform: "facebook", account_id: "name:comune di esempio", day: "2024-03-31", followers: 4216, reach: 1712, profile_visits: null}
    ]);
    expect(await query(warehouse.path, "select platform, account_id, handle, display_name from accounts order by platform")).toEqual([
      {platform: "facebook", account_id: "name:comune di esempio", handle: null, display_name: "Comune di Esempio"},
      {platform: "instagram", account_id: "17841401234567890", handle: "comunediesempio", display_name: "Comune di Esempio"}
    ]);
  });
});

import {describe, expect, test} from "vitest";
import {models} from "../../transforms/models.ts";
import {batchA, registry} from "../fixtures/transforms/comune-prova.ts";
import {query, testWarehouse} from "../helpers/warehouse.ts";
import {fixtureConfig, martSnapshot, seedAndTransform} from "./build.ts";
import type {Seed} from "./seed.ts";

const compared = models.filter((m) => m.layer !== "staging").map((m) => m.name);
const incremental = models.filter((m) => m.incremental).map((m) => m.name);
const temp = () => testWarehouse().path;

const fb = {platform: "facebook", account_id: "page1"};
const counts = (item_id: string, observed_at: string, source_file_id: number, values: Record<string, number>) =>
  Object.entries(values).map(([metric, value]) => ({platform: "facebook", item_id, metric, value, observed_at, source_file_id}));

// a citizen (u10) posts on the page, with two snapshots: 2 then 6 interactions after 24 and 48 h
const citizenPost: Seed = {
  authors: [{platform: "facebook", author_id: "u10", handle: "sindaca"}],
  items: [{...fb, author_id: "u10", item_id: "q1", created_at: "2025-03-15T08:00:00Z", text: "Segnalo una buca", root_id: "q1"}],
  item_counts: [...counts("q1", "2025-03-16T08:00:00Z", 1, {likes: 2}), ...counts("q1", "2025-03-17T08:00:00Z", 2, {likes: 6})]
};

// file 4: a late snapshot of p1 (25+12+5 = 42), a second one of p2 (8+2+1 = 11), a late own post p4 in March
// with two snapshots (4, then 10 reactions), and u10 registered as the comune's account: q1 becomes an own post
const batchC: Seed = {
  entity_accounts: [{entity_id: "e1", platform: "facebook", handle: "sindaca", account_id: "u10"}],
  items: [{...fb, author_id: "page1", item_id: "p4", created_at: "2025-03-20T08:00:00Z", text: "Orari estivi", root_id: "p4", source_file_id: 4}],
  item_counts: [
    ...counts("p1", "2025-04-01T08:00:00Z", 4, {reactions: 25, replies: 12, shares: 5}),
    ...counts("p2", "2025-03-07T08:00:00Z", 4, {likes: 8, replies: 2, shares: 1}),
    ...counts("p4", "2025-03-20T20:00:00Z", 4, {reactions: 4}),
    ...counts("p4", "2025-03-21T08:00:00Z", 4, {reactions: 10})
  ]
};

describe("carrying unchanged rows over", () => {
  test("late counters, a late post in an old month and a post that became own: the same tables as a full build", async () => {
    const path = temp(), full = temp();
    await seedAndTransform(path, [registry, batchA, citizenPost]);
    const run = await seedAndTransform(path, [batchC]);
    await seedAndTransform(full, [registry, batchA, citizenPost, batchC]);
    expect(run.models.filter((m) => m.carried).map((m) => m.name)).toEqual(incremental);
    expect(await martSnapshot(path, compared)).toEqual(await martSnapshot(full, compared));
    // half-lives by hand: p1 12 + (21 - 16) × 36 / 20; p2 0 (6 of 11 at its first snapshot, taken as it was published);
    // p4 12 + 1 × 12 / 6; q1 24 + 1 × 24 / 4
    expect(await query(path, "select item_id, snapshots, last_interactions, last_hours, half_life_hours from int_post_decay order by item_id"))
      .toEqual([
        {item_id: "p1", snapshots: 3, last_interactions: 42, last_hours: 696, half_life_hours: 21},
        {item_id: "p2", snapshots: 2, last_interactions: 11, last_hours: 48, half_life_hours: 0},
        {item_id: "p4", snapshots: 2, last_interactions: 10, last_hours: 24, half_life_hours: 14},
        {item_id: "q1", snapshots: 2, last_interactions: 6, last_hours: 48, half_life_hours: 30}
      ]);
    expect(await query(path, "select item_id, likes, reactions, replies, shares from int_item_metrics where item_id in ('p1', 'p2') order by all"))
      .toEqual([{item_id: "p1", likes: null, reactions: 25, replies: 12, shares: 5}, {item_id: "p2", likes: 8, reactions: null, replies: 2, shares: 1}]);
  });

  test("nothing is carried over from a build of another configuration", async () => {
    const path = temp();
    await seedAndTransform(path, [registry, batchA]);
    const run = await seedAndTransform(path, [], {config: {...fixtureConfig, privacyK: 3}});
    expect(run.mode).toBe("incremental");
    expect(run.models.filter((m) => m.carried)).toEqual([]);
  });
});

import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {threads} from "../fixtures/transforms/threads.ts";
import {query, tempWarehouse} from "../helpers/warehouse.ts";
import {seedAndTransform} from "./build.ts";

const warehouse = tempWarehouse();
const rows = (sql: string) => query(warehouse.path, sql);

beforeAll(() => seedAndTransform(warehouse.path, [threads]));
afterAll(() => warehouse.cleanup());

describe("threads followed up the parent chain", () => {
  test("root and channel of every item the export left without them", async () => {
    expect(await rows("select platform, item_id, root_id, account_id, root_source, channel_source from int_threads order by all")).toEqual([
      {platform: "instagram", item_id: "ig_c1", root_id: "ig_p1", account_id: "ig1", root_source: "export", channel_source: "thread"},
      {platform: "tiktok", item_id: "tk1", root_id: null, account_id: null, root_source: null, channel_source: null},
      {platform: "x", item_id: "k1", root_id: null, account_id: null, root_source: "cycle", channel_source: null},
      {platform: "x", item_id: "k2", root_id: null, account_id: null, root_source: "cycle", channel_source: null},
      {platform: "x", item_id: "k3", root_id: null, account_id: null, root_source: "cycle", channel_source: null},
      {platform: "x", item_id: "m1", root_id: "gone", account_id: null, root_source: "missing_parent", channel_source: null},
      {platform: "x", item_id: "m2", root_id: "gone", account_id: null, root_source: "missing_parent", channel_source: null},
      {platform: "x", item_id: "t2", root_id: "t1", account_id: "acc1", root_source: "parent_chain", channel_source: "thread"},
      {platform: "x", item_id: "t3", root_id: "t1", account_id: "acc1", root_source: "parent_chain", channel_source: "thread"},
      {platform: "x", item_id: "t4", root_id: "t1", account_id: "acc1", root_source: "parent_chain", channel_source: "thread"},
      // v1 gave root and channel: the climb stops there
      {platform: "x", item_id: "t5", root_id: "t1", account_id: "acc1", root_source: "parent_chain", channel_source: "thread"}
    ]);
  });

  test("downstream, the resolved thread places items on the entity's channel", async () => {
    expect(await rows(`select item_id, root_id, account_id, entity_id, is_own from int_item_base
      where platform = 'x' and item_id in ('t2', 't3', 't4', 't5', 'k1', 'm2') order by item_id`)).toEqual([
      {item_id: "k1", root_id: null, account_id: null, entity_id: null, is_own: false},
      {item_id: "m2", root_id: "gone", account_id: null, entity_id: null, is_own: false},
      {item_id: "t2", root_id: "t1", account_id: "acc1", entity_id: "e1", is_own: false},
      {item_id: "t3", root_id: "t1", account_id: "acc1", entity_id: "e1", is_own: true},
      {item_id: "t4", root_id: "t1", account_id: "acc1", entity_id: "e1", is_own: false},
      {item_id: "t5", root_id: "t1", account_id: "acc1", entity_id: "e1", is_own: false}
    ]);
  });

  test("customer care and two-way threads count the replies the export left without a thread", async () => {
    // t2 is a question on the comune's channel, answered an hour later by t3; ig_c1 and v1 were never answered
    expect(await rows("select item_id, entity_id, response_match, response_seconds from int_requests order by item_id")).toEqual([
      {item_id: "ig_c1", entity_id: "e1", response_match: null, response_seconds: null},
      {item_id: "t2", entity_id: "e1", response_match: "direct", response_seconds: 3600},
      {item_id: "v1", entity_id: "e1", response_match: null, response_seconds: null}
    ]);
    // t1's thread: citizens u1, u2, u6 and the comune's own reply t3
    expect(await rows("select platform, active_members, threads, two_way_threads from pub_community_monthly where platform = 'x'"))
      .toEqual([{platform: "x", active_members: 3, threads: 1, two_way_threads: 1}]);
  });
});

import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {headlineTable, type EntitySummary} from "../../transforms/headline.ts";
import {batchA, batchB, registry} from "../fixtures/transforms/comune-prova.ts";
import {query, tempWarehouse} from "../helpers/warehouse.ts";
import {seedAndTransform} from "./build.ts";

// The fixture (test/fixtures/transforms/comune-prova.ts) with k = 2; expected values as in marts.test.ts.
const warehouse = tempWarehouse();
const rows = (sql: string) => query(warehouse.path, sql);

beforeAll(() => seedAndTransform(warehouse.path, [registry, batchA, batchB]));
afterAll(() => warehouse.cleanup());

describe("pub_entity_summary", () => {
  test("whole-window figures per entity", async () => {
    const [e1, e2] = await rows("select * from pub_entity_summary order by entity_id");
    // data from Mon 3 Mar (p1) to Tue 22 Apr (r8); requests c1–c8 and m1, all answered but c4
    expect(e1).toMatchObject({entity_id: "e1", entity_name: "Comune di Prova", window_start: "2025-03-03", window_end: "2025-04-22",
      posts: 3, citizen_comments: 10, requests: 9, answered: 8, pct_campaign_interactions_after_end: null});
    expect(e1!.pct_answered).toBeCloseTo(8 / 9, 12);
    // Wilson 95%, x = 8, n = 9
    expect(e1!.pct_answered_low).toBeCloseTo(0.5650, 4);
    expect(e1!.pct_answered_high).toBeCloseTo(0.9801, 4);
    // wall hours 0, 1/3, 1, 1.5, 5, 45.25, 69.5, 91: (1.5 + 5) / 2; open hours 0, 0.25, 1/3, 0.5, 1, 1.5, 1.5, 3: (0.5 + 1) / 2
    expect(e1!.median_response_hours).toBeCloseTo(3.25, 12);
    expect(e1!.median_response_open_hours).toBeCloseTo(0.75, 12);
    // c9 and c10 positive, c2 and c6 negative
    expect(e1!.net_sentiment).toBe(0);
    expect(e1!.followers_per_100_inhabitants).toBe(12);
    // e2 has followers only: no citizen wrote, so no citizen figure
    expect(e2).toMatchObject({entity_id: "e2", posts: 0, citizen_comments: null, requests: null, pct_answered: null, net_sentiment: null,
      followers_per_100_inhabitants: 5, community_health_index: null});
  });

  test("the community health index is the benchmark's", async () => {
    expect(await rows("select community_health_index as value from pub_entity_summary where entity_id = 'e1'"))
      .toEqual(await rows("select value from pub_benchmark where entity_id = 'e1' and indicator_id = 'community_health_index'"));
  });
});

describe("headlineTable", () => {
  test("one row per figure, one column per entity, dashes for missing values", () => {
    const summary: EntitySummary = {
      entity_name: "Comune di Prova", window_start: "2025-01-01", window_end: "2025-06-30", posts: 1234, citizen_comments: 56,
      requests: 20, pct_answered: 0.5, pct_answered_low: 0.2993, pct_answered_high: 0.7007, median_response_hours: 17.46,
      median_response_open_hours: 0.75, net_sentiment: -0.125, community_health_index: 48.6, followers_per_100_inhabitants: 27.08,
      pct_campaign_interactions_after_end: null
    };
    expect(headlineTable([summary]).split("\n")).toEqual([
      "|  | Comune di Prova |",
      "| --- | ---: |",
      "| Posts published ([def](transforms/metrics.md#posts)) | 1,234 |",
      "| Citizens' comments and replies | 56 |",
      "| Requests (questions, complaints) | 20 |",
      "| Response rate, 95% interval ([def](transforms/metrics.md#pct_answered)) | 50% (30%–70%) |",
      "| Median first response, wall clock ([def](transforms/metrics.md#response_time)) | 17.5 h |",
      "| Median first response, office hours | 0.8 h |",
      "| Net sentiment ([def](transforms/metrics.md#net_sentiment)) | −0.13 |",
      "| Community health index, 0–100 ([def](transforms/metrics.md#community_health_index)) | 49 |",
      "| Followers per 100 inhabitants ([def](transforms/metrics.md#benchmark)) | 27.1 |",
      "| Campaign interactions after its end ([def](transforms/metrics.md#campaign)) | – |",
      "",
      "From 2025-01-01 to 2025-06-30 (pub_entity_summary)."
    ]);
  });
});

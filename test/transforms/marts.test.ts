import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {batchA, batchB, registry} from "../fixtures/transforms/comune-prova.ts";
import {query, tempWarehouse} from "../helpers/warehouse.ts";
import {seedAndTransform} from "./build.ts";

// The fixture (test/fixtures/transforms/comune-prova.ts) with k = 2. Rome is UTC+1 until 30 March, UTC+2 after.
const warehouse = tempWarehouse();
const rows = (sql: string) => query(warehouse.path, sql);
const one = async (sql: string) => (await rows(sql))[0]!;

beforeAll(() => seedAndTransform(warehouse.path, [registry, batchA, batchB]));
afterAll(() => warehouse.cleanup());

describe("customer care", () => {
  test("first responses: direct, clamped skew, deleted parent, thread, chat, DST, Easter Monday", async () => {
    const requests = await rows(`
      select item_id, response_match, is_clock_skew, reply_type, response_seconds / 3600 as hours, response_open_seconds / 3600 as open_hours
      from int_requests order by item_id`);
    expect(requests).toEqual([
      // Mon 11:00 → 12:30, inside 9–13
      {item_id: "c1", response_match: "direct", is_clock_skew: false, reply_type: "answer", hours: 1.5, open_hours: 1.5},
      // Fri 12:00 → Mon 09:30: 69.5 h wall; open = Fri 12–13 (1) + Mon 9–9:30 (0.5)
      {item_id: "c2", response_match: "direct", is_clock_skew: false, reply_type: "redirect", hours: 69.5, open_hours: 1.5},
      // Sat 29 Mar 10:00Z → Mon 31 Mar 07:15Z = 45.25 h real time across the spring DST change; open = Mon 9:00–9:15
      {item_id: "c3", response_match: "direct", is_clock_skew: false, reply_type: "answer", hours: 45.25, open_hours: 0.25},
      // unanswered
      {item_id: "c4", response_match: null, is_clock_skew: false, reply_type: null, hours: null, open_hours: null},
      // the reply is stamped 10 minutes before the question: clamped to 0
      {item_id: "c5", response_match: "direct", is_clock_skew: true, reply_type: "answer", hours: 0, open_hours: 0},
      // parent post deleted: still a request; Thu 10:00 → 15:00 = 5 h wall, 10–13 = 3 h open
      {item_id: "c6", response_match: "direct", is_clock_skew: false, reply_type: "acknowledgement", hours: 5, open_hours: 3},
      // answered in c2's thread, 1 h later, inside hours
      {item_id: "c7", response_match: "thread", is_clock_skew: false, reply_type: "answer", hours: 1, open_hours: 1},
      // Good Friday 14:30 → Tue 22 Apr 09:30: 91 h wall; Easter Monday closed, so 0.5 h open
      {item_id: "c8", response_match: "direct", is_clock_skew: false, reply_type: "answer", hours: 91, open_hours: 0.5},
      // WhatsApp: the entity's next message in the chat, 20 minutes later
      {item_id: "m1", response_match: "chat", is_clock_skew: false, reply_type: "answer", hours: 1 / 3, open_hours: 1 / 3}
    ]);
  });

  test("monthly figures: rate with Wilson interval, medians and 90th percentiles, oldest unanswered", async () => {
    const march = await one("select * from mart_customer_care where platform = 'facebook' and month_start = '2025-03-01'");
    expect(march).toMatchObject({requests: 7, requesters: 7, questions: 5, complaints: 3, answered: 6, unanswered: 1, redirected: 1, is_small_n: true});
    expect(march.pct_answered).toBeCloseTo(6 / 7, 12);
    // Wilson 95%, x = 6, n = 7: (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n) = (1.131543 ∓ 0.377486) / 1.548800
    expect(march.pct_answered_low).toBeCloseTo(0.48687, 4);
    expect(march.pct_answered_high).toBeCloseTo(0.97432, 4);
    expect(march.pct_redirected).toBeCloseTo(1 / 6, 12);
    // wall hours sorted 0, 1, 1.5, 5, 45.25, 69.5: median (1.5 + 5) / 2; p90 at rank 4.5: 45.25 + 0.5 × 24.25
    expect(march.median_response_hours).toBeCloseTo(3.25, 12);
    expect(march.p90_response_hours).toBeCloseTo(57.375, 12);
    // open hours sorted 0, 0.25, 1, 1.5, 1.5, 3: median 1.25; p90 1.5 + 0.5 × 1.5
    expect(march.median_response_open_hours).toBeCloseTo(1.25, 12);
    expect(march.p90_response_open_hours).toBeCloseTo(2.25, 12);
    // c4: Wed 12 Mar 09:00Z to the warehouse's latest item, Tue 22 Apr 07:30Z = 40 d 22.5 h
    expect(march.oldest_unanswered_days).toBeCloseTo(40 + 22.5 / 24, 12);
    expect(march.clock_skew_clamped).toBe(1);
  });

  test("public care keeps only groups of at least k = 2 requesters", async () => {
    expect(await rows("select platform, month_start::varchar as month from pub_customer_care")).toEqual([{platform: "facebook", month: "2025-03-01"}]);
    expect((await rows("select * from mart_customer_care")).length).toBe(3);
  });

  test("unanswered list: age in open hours and a redacted excerpt", async () => {
    const [c4] = await rows("select item_id, age_open_hours, excerpt from mart_unanswered_requests");
    // Wed 12 Mar 10–13 (3) + Thu–Fri (8) + five full weeks (100) + Easter Monday closed + Tue 22 Apr 9:00–9:30 (0.5)
    expect(c4).toEqual({item_id: "c4", age_open_hours: 111.5, excerpt: "Come si paga la TARI?"});
  });

  test("requests by topic, with the privacy threshold per topic", async () => {
    expect(await rows("select topic, requests, complaints, answered from pub_requests_by_topic order by topic")).toEqual([
      {topic: "rifiuti", requests: 2, complaints: 0, answered: 2},
      {topic: "strade", requests: 3, complaints: 3, answered: 3}
    ]);
  });
});

describe("reach and engagement", () => {
  test("own posts: latest counts, engagement rate on followers of the day, half-life", async () => {
    const posts = await rows(`select item_id, likes, comments, shares, interactions, followers_at_post::integer as followers,
      engagement_rate_followers as er, engagement_rate_reach as err, snapshots, half_life_hours from pub_own_posts order by item_id`);
    expect(posts).toEqual([
      // reactions 20 + replies 12 + shares 4; followers of 2 March (1000); half of 36 is reached between
      // (12 h, 16) and (48 h, 36): 12 + (18 - 16) × 36 / 20 = 15.6 h
      {item_id: "p1", likes: 20, comments: 12, shares: 4, interactions: 36, followers: 1000, er: 0.036, err: null, snapshots: 2, half_life_hours: 15.6},
      // likes 5 + replies 1; reach 200 → 6 / 200
      {item_id: "p2", likes: 5, comments: 1, shares: 0, interactions: 6, followers: 1000, er: 0.006, err: 0.03, snapshots: 0, half_life_hours: null},
      // no counters: the 4 answers in its thread (c8, c9, c10, r8); followers of 9 March
      {item_id: "p3", likes: null, comments: 4, shares: 0, interactions: 4, followers: 1100, er: 4 / 1100, err: null, snapshots: 0, half_life_hours: null}
    ]);
  });

  test("per week and month: posts, interactions, followers at the end, growth, both denominators", async () => {
    const week = await one("select * from pub_reach_engagement where period = 'week' and period_start = '2025-03-03'");
    // p1 + p2: 36 + 6 = 42 over 2 posts and 1100 followers (9 March); growth 1100 - 1000
    expect(week).toMatchObject({posts: 2, interactions: 42, interactions_per_post: 21, followers: "1100", follower_growth: "100",
      post_reach: 200, posts_with_reach: 1, engagement_rate_reach: 0.03, account_impressions: 700, follows_gained: "20"});
    expect(week.engagement_rate_followers).toBeCloseTo(42 / (2 * 1100), 12);
    const month = await one("select * from pub_reach_engagement where period = 'month' and period_start = '2025-03-01'");
    // 36 + 6 + 4 over 3 posts and 1200 followers (31 March); no series before March, so no growth
    expect(month).toMatchObject({posts: 3, interactions: 46, followers: "1200", follower_growth: null, account_impressions: 1200});
    expect(month.engagement_rate_followers).toBeCloseTo(46 / 3600, 12);
  });

  test("decay curve and hashtag potential reach", async () => {
    expect(await rows("select item_id, hours_since_post, interactions, share_of_last from pub_post_decay_curve order by hours_since_post")).toEqual([
      {item_id: "p1", hours_since_post: 12, interactions: 16, share_of_last: 16 / 36},
      {item_id: "p1", hours_since_post: 48, interactions: 36, share_of_last: 1}
    ]);
    // #raccolta in March: the page (1000 followers), u1 (50), u5 (30), each once
    expect(await one("select items, authors, potential_reach::integer as reach from pub_hashtag_reach")).toEqual({items: 3, authors: 3, reach: 1080});
  });
});

describe("publishing regularity", () => {
  test("weekly spine with zero weeks, coefficient of variation, gaps, silence", async () => {
    const weekly = await rows("select posts from pub_publishing_weekly where platform = 'facebook' order by week_start");
    // from the week of the first daily metric (24 Feb) to the week of the latest item (21 Apr)
    expect(weekly.map((w) => w.posts)).toEqual([0, 2, 1, 0, 0, 0, 0, 0, 0]);
    const regularity = await one("select * from pub_publishing_regularity where platform = 'facebook'");
    // mean 3/9; variance ((2 - 1/3)² + (1 - 1/3)² + 7 × (1/3)²) / 9 = 4/9; sd 2/3; cv 2; score 1 / (1 + 2)
    expect(regularity.cv_weekly_posts).toBeCloseTo(2, 12);
    expect(regularity.regularity_score).toBeCloseTo(1 / 3, 12);
    // gaps 2 and 5 days; silence from 10 Mar 08:00Z to 22 Apr 07:30Z = 42 d 23.5 h; not dormant (< 60 days)
    expect(regularity).toMatchObject({weeks: 9, posts: 3, weeks_without_posts: 7, median_gap_days: 3.5, longest_gap_days: 5, is_dormant: false});
    expect(regularity.longest_silence_days).toBeCloseTo(42 + 23.5 / 24, 12);
    // a chat publishes nothing: no regularity row for it
    expect(await rows("select * from pub_publishing_regularity where platform = 'whatsapp'")).toEqual([]);
  });
});

describe("listening", () => {
  test("net sentiment per topic and month", async () => {
    const all = await one("select * from pub_sentiment where topic = 'all' and month_start = '2025-03-01'");
    // 8 citizen items: c9 positive; c2 and c6 negative; (1 - 2) / (1 + 2)
    expect(all).toMatchObject({items: 8, positive: 1, negative: 2, neutral: 5, pct_positive: 0.125});
    expect(all.net_sentiment).toBeCloseTo(-1 / 3, 12);
    const strade = await one("select * from pub_sentiment where topic = 'strade'");
    expect(strade).toMatchObject({items: 3, negative: 2, net_sentiment: -1});
  });

  test("emerging terms against the previous four weeks", async () => {
    expect(await rows("select term_type, term, items, previous_weekly_mean, is_emerging from pub_emerging_terms order by all")).toEqual([
      {term_type: "hashtag", term: "raccolta", items: 2, previous_weekly_mean: 0, is_emerging: false},
      {term_type: "topic", term: "rifiuti", items: 2, previous_weekly_mean: 0, is_emerging: false},
      {term_type: "topic", term: "strade", items: 2, previous_weekly_mean: 0, is_emerging: false}
    ]);
  });
});

describe("community", () => {
  test("members, retention, two-way and many-to-many shares, concentration, health index", async () => {
    const [april, march] = await rows("select * from pub_community_monthly order by month_start desc");
    // March: 8 citizens, all new; threads p1, p3, "gone" all have an own answer; 7 answers with a known parent,
    // c7 → c2 is citizen to citizen; everyone wrote once, so the top 1% (1 member) wrote 1 of 8
    expect(march).toMatchObject({active_members: 8, new_members: 8, returning_members: 0, retained_members: 0, pct_retained: null,
      threads: 3, two_way_threads: 3, pct_two_way: 1, member_answers: 7, citizen_to_citizen: 1, pct_top1_items: 0.125});
    // 8 member-days over 31 days, divided by 8 monthly members
    expect(march!.stickiness).toBeCloseTo(1 / 31, 12);
    // (0.25 × 1 + 0.15 × 1/7 + 0.15 × (1/31)/0.2 + 0.20 × 0.875) / 0.75 (retention missing: its weight drops out)
    expect(march!.community_health_index).toBeCloseTo(100 * (0.25 + 0.15 / 7 + 0.15 * (1 / 31) / 0.2 + 0.2 * 0.875) / 0.75, 9);
    // April: u8 new, u1 back; 1 of March's 8 retained; 2 member-days over the 22 days up to 22 April
    expect(april).toMatchObject({active_members: 2, new_members: 1, returning_members: 1, retained_members: 1, pct_retained: 0.125,
      member_answers: 2, citizen_to_citizen: 0, pct_top1_items: 0.5});
    expect(april!.stickiness).toBeCloseTo(1 / 22, 12);
    expect(april!.community_health_index).toBeCloseTo(100 * (0.25 * 0.125 + 0.25 * 1 + 0 + 0.15 * (1 / 22) / 0.2 + 0.2 * 0.5), 9);
  });

  test("28-day active members from merged intervals equal a naive distinct count", async () => {
    const naive = await rows(`
      select s.entity_id, s.platform, s.day::varchar as day, count(distinct a.author_key)::integer as n
      from pub_community_daily s
      join int_author_days a on a.entity_id = s.entity_id and a.platform = s.platform and a.day between s.day - 27 and s.day
      group by all order by all`);
    const rolled = await rows("select entity_id, platform, day::varchar as day, active_28d as n from pub_community_daily order by all");
    expect(rolled).toEqual(naive);
    // 29 March: the 8 March members; 18 April: u3 (29 Mar), u1 and u8
    expect(rolled.find((r) => r.day === "2025-03-29")?.n).toBe(8);
    expect(rolled.find((r) => r.day === "2025-04-18")?.n).toBe(3);
  });
});

describe("campaigns, electoral periods, benchmark", () => {
  test("campaign: items, authors, potential reach, engagement after the programmed end", async () => {
    // p1 (36) and c1 (1 answer) on 3 March; c5 (1 answer) on 4 March, after the end
    expect(await one("select items, own_posts, authors, potential_reach::integer as reach, interactions, interactions_after_end, pct_interactions_after_end from pub_campaigns"))
      .toEqual({items: 3, own_posts: 1, authors: 3, reach: 1080, interactions: 38, interactions_after_end: 1, pct_interactions_after_end: 1 / 38});
    // 4 March has one author only (< k): left out of the daily curve
    expect(await rows("select day::varchar as day, items from pub_campaign_daily")).toEqual([{day: "2025-03-03", items: 2}]);
  });

  test("electoral period: own posts listed (internal) and counted (public)", async () => {
    expect(await rows("select item_id from mart_electoral_posts order by item_id")).toEqual([{item_id: "p2"}, {item_id: "p3"}]);
    expect(await one("select posts, interactions from pub_electoral_posts")).toEqual({posts: 2, interactions: 10});
  });

  test("benchmark: per-capita figures beside the size class median", async () => {
    const followers = await rows(`select entity_id, value, class_median, class_entities from pub_benchmark
      where indicator_id = 'followers_per_100_inhabitants' order by entity_id`);
    // e1: 1200 / 10000 × 100; e2: 400 / 8000 × 100; median of 12 and 5
    expect(followers).toEqual([
      {entity_id: "e1", value: 12, class_median: 8.5, class_entities: 2},
      {entity_id: "e2", value: 5, class_median: 8.5, class_entities: 2}
    ]);
    // (36 + 6 + 4) interactions / 10000 inhabitants × 1000
    expect(await one("select value from pub_benchmark where entity_id = 'e1' and indicator_id = 'interactions_per_1000_inhabitants'"))
      .toEqual({value: 4.6});
  });
});

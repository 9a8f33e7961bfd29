import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {batchA, batchB, registry} from "../fixtures/transforms/comune-prova.ts";
import {batchRename} from "../fixtures/transforms/metric-rename.ts";
import {query, tempWarehouse} from "../helpers/warehouse.ts";
import {fixtureConfig, seedAndTransform} from "./build.ts";

// comune-prova.ts plus metric-rename.ts, with k = 2 (and k = 1 where a cell of one person must show up).
// Rome is UTC+1 until 30 March, UTC+2 after.
const warehouse = tempWarehouse();
const open = tempWarehouse();
const rows = (sql: string, path = warehouse.path) => query(path, sql);

beforeAll(async () => {
  await seedAndTransform(warehouse.path, [registry, batchA, batchB, batchRename]);
  await seedAndTransform(open.path, [registry, batchA, batchB, batchRename], {config: {...fixtureConfig, privacyK: 1}});
});
afterAll(() => { warehouse.cleanup(); open.cleanup(); });

describe("pub_response_times", () => {
  test("whole months by band: the care fixture's requests, each channel and every channel together, k = 2", async () => {
    // March on Facebook: c5 0 h; c1 1.5 h, c7 1 h; c6 5 h; c3 45.25 h, c2 69.5 h; c4 unanswered (7 requesters).
    // With the WhatsApp chat (m1, 20 minutes) "all" has 8. April (c8 alone) and the chat alone have 1 requester: dropped.
    expect(await rows(`select platform, month_start::varchar as month, band, band_order, band_min_hours, band_max_hours, is_answered, requests
      from pub_response_times where weekday = 0 and hour = -1 order by platform, band_order`)).toEqual([
      {platform: "all", month: "2025-03-01", band: "lt_1h", band_order: 1, band_min_hours: 0, band_max_hours: 1, is_answered: true, requests: 2},
      {platform: "all", month: "2025-03-01", band: "1h_4h", band_order: 2, band_min_hours: 1, band_max_hours: 4, is_answered: true, requests: 2},
      {platform: "all", month: "2025-03-01", band: "4h_24h", band_order: 3, band_min_hours: 4, band_max_hours: 24, is_answered: true, requests: 1},
      {platform: "all", month: "2025-03-01", band: "1d_3d", band_order: 4, band_min_hours: 24, band_max_hours: 72, is_answered: true, requests: 2},
      {platform: "all", month: "2025-03-01", band: "unanswered", band_order: 6, band_min_hours: null, band_max_hours: null, is_answered: false, requests: 1},
      {platform: "facebook", month: "2025-03-01", band: "lt_1h", band_order: 1, band_min_hours: 0, band_max_hours: 1, is_answered: true, requests: 1},
      {platform: "facebook", month: "2025-03-01", band: "1h_4h", band_order: 2, band_min_hours: 1, band_max_hours: 4, is_answered: true, requests: 2},
      {platform: "facebook", month: "2025-03-01", band: "4h_24h", band_order: 3, band_min_hours: 4, band_max_hours: 24, is_answered: true, requests: 1},
      {platform: "facebook", month: "2025-03-01", band: "1d_3d", band_order: 4, band_min_hours: 24, band_max_hours: 72, is_answered: true, requests: 2},
      {platform: "facebook", month: "2025-03-01", band: "unanswered", band_order: 6, band_min_hours: null, band_max_hours: null, is_answered: false, requests: 1}
    ]);
  });

  test("weekday × hour cells of one person each are not published at k = 2", async () => {
    expect(await rows("select count(*)::integer as n from pub_response_times where weekday > 0")).toEqual([{n: 0}]);
  });

  test("cells by weekday and hour of the request in Europe/Rome (k = 1), summing to the whole months", async () => {
    expect(await rows(`select platform, month_start::varchar as month, weekday, hour, band, requests from pub_response_times
      where weekday > 0 and platform <> 'all' order by month, weekday, hour, platform`, open.path)).toEqual([
      {platform: "facebook", month: "2025-03-01", weekday: 1, hour: 11, band: "1h_4h", requests: 1},    // c1 Mon 3 Mar 11:00
      {platform: "facebook", month: "2025-03-01", weekday: 2, hour: 10, band: "1h_4h", requests: 1},    // c7 Tue 11 Mar 10:00
      {platform: "facebook", month: "2025-03-01", weekday: 2, hour: 11, band: "lt_1h", requests: 1},    // c5 Tue 4 Mar 11:00
      {platform: "whatsapp", month: "2025-03-01", weekday: 3, hour: 9, band: "lt_1h", requests: 1},     // m1 Wed 19 Mar 09:00
      {platform: "facebook", month: "2025-03-01", weekday: 3, hour: 10, band: "unanswered", requests: 1}, // c4 Wed 12 Mar 10:00
      {platform: "facebook", month: "2025-03-01", weekday: 4, hour: 10, band: "4h_24h", requests: 1},   // c6 Thu 6 Mar 10:00
      {platform: "facebook", month: "2025-03-01", weekday: 5, hour: 12, band: "1d_3d", requests: 1},    // c2 Fri 7 Mar 12:00
      {platform: "facebook", month: "2025-03-01", weekday: 6, hour: 11, band: "1d_3d", requests: 1},    // c3 Sat 29 Mar 11:00 CET
      {platform: "facebook", month: "2025-04-01", weekday: 5, hour: 14, band: "gt_3d", requests: 1}     // c8 Fri 18 Apr 14:30 CEST
    ]);
    expect(await rows(`select weekday > 0 as is_cell, platform = 'all' as is_all, sum(requests)::integer as n
      from pub_response_times group by all order by all`, open.path)).toEqual([
      {is_cell: false, is_all: false, n: 9}, {is_cell: false, is_all: true, n: 9}, {is_cell: true, is_all: false, n: 9}, {is_cell: true, is_all: true, n: 9}
    ]);
  });
});

describe("pub_metric_sources", () => {
  test("a counter renamed between two exports of the same format is marked; names seen side by side are not", async () => {
    expect(await rows(`select platform, format, metric, metric_source, first_observed_on::varchar as first_on, last_observed_on::varchar as last_on,
      first_item_on::varchar as first_item, last_item_on::varchar as last_item, items, previous_metric, previous_source
      from pub_metric_sources where format <> 'unknown' order by all`)).toEqual([
      {platform: "facebook", format: "facebook-graph", metric: "shares", metric_source: "shares.count", first_on: "2025-04-20", last_on: "2025-04-20",
        first_item: "2025-04-15", last_item: "2025-04-15", items: 1, previous_metric: null, previous_source: null},
      {platform: "facebook", format: "meta-insights-csv", metric: "impressions", metric_source: "Impressions", first_on: "2025-03-06", last_on: "2025-03-06",
        first_item: "2025-03-04", last_item: "2025-03-05", items: 2, previous_metric: null, previous_source: null},
      // Meta's 2025 change: the April export says "Views" where March's said "Impressions"
      {platform: "facebook", format: "meta-insights-csv", metric: "views", metric_source: "Views", first_on: "2025-04-20", last_on: "2025-04-20",
        first_item: "2025-03-04", last_item: "2025-04-14", items: 2, previous_metric: "impressions", previous_source: "Impressions"}
    ]);
    // the fixture's other counters (files without a format) never change name
    expect(await rows("select count(*)::integer as n from pub_metric_sources where format = 'unknown' and previous_source is not null")).toEqual([{n: 0}]);
  });
});

describe("pub_own_posts.content_type", () => {
  test("read from each export's original record; null where the export does not say", async () => {
    expect(await rows("select item_id, content_type from pub_own_posts order by item_id")).toEqual([
      {item_id: "p1", content_type: null}, {item_id: "p2", content_type: null}, {item_id: "p3", content_type: null},
      {item_id: "p4", content_type: "reel"},     // Business Suite "Tipo di post": "Reel"
      {item_id: "p5", content_type: null},       // Business Suite, post type left blank
      {item_id: "p6", content_type: "photo"},    // Business Suite in English: "Post type": "Photo"
      {item_id: "p7", content_type: "carousel"}, // Graph: an album attachment wins over status_type
      {item_id: "p8", content_type: "text"},     // Graph: a status update without attachments
      {item_id: "p9", content_type: "video"}     // DYI: an .MP4 attachment
    ]);
  });
});

describe("registry, sources, clock and electoral periods for the public site", () => {
  test("pub_sources: files by platform and format, rows and export days, no path or error text", async () => {
    expect(await rows("select * from pub_sources order by platform, format")).toEqual([
      {platform: "facebook", format: "facebook-graph", files_loaded: 1, files_rejected: 0, bytes_loaded: 100,
        items: 0, rows: 1, first_exported_on: "2025-03-06", last_exported_on: "2025-03-06"},
      {platform: "facebook", format: "meta-insights-csv", files_loaded: 2, files_rejected: 0, bytes_loaded: 200,
        items: 5, rows: 9, first_exported_on: "2025-03-06", last_exported_on: "2025-04-20"},
      // the fixture's own files 1–3 (no format, no ledger of rows)
      {platform: "facebook", format: "unknown", files_loaded: 3, files_rejected: 0, bytes_loaded: 0,
        items: 0, rows: 0, first_exported_on: null, last_exported_on: null},
      {platform: "unknown", format: "unknown", files_loaded: 0, files_rejected: 1, bytes_loaded: 0,
        items: 0, rows: 0, first_exported_on: null, last_exported_on: null}
    ]);
  });

  test("pub_clock, pub_entities, pub_electoral_periods", async () => {
    expect(await rows("select as_of_on::varchar as as_of_on, first_on::varchar as first_on from pub_clock")).toEqual([{as_of_on: "2025-04-22", first_on: "2025-03-03"}]);
    expect(await rows("select * from pub_entities order by entity_id")).toEqual([
      {entity_id: "e1", entity_name: "Comune di Prova", kind: "comune", size_class: "5.000–20.000", population: 10000, region: null},
      {entity_id: "e2", entity_name: "Comune di Altrove", kind: "comune", size_class: "5.000–20.000", population: 8000, region: null}
    ]);
    expect(await rows("select period_id, period_name, start_on::varchar as start_on, end_on::varchar as end_on, entity_ids from pub_electoral_periods"))
      .toEqual([{period_id: "amm25", period_name: "Amministrative 2025", start_on: "2025-03-05", end_on: "2025-03-12", entity_ids: []}]);
  });
});

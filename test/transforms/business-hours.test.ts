import {afterAll, beforeAll, expect, test} from "vitest";
import {query, tempWarehouse} from "../helpers/warehouse.ts";
import {fixtureConfig, seedAndTransform} from "./build.ts";

// Autumn: Rome goes from UTC+2 to UTC+1 on Sunday 26 October 2025 at 03:00. Entity e3 has its own hours
// (Mon–Thu 9–13 and 15–17:30, Fri 9–12) and its patron saint on Thursday 30 October.
const warehouse = tempWarehouse();
const fb = {platform: "facebook", account_id: "page3"};

beforeAll(() => seedAndTransform(warehouse.path, [{
  entities: [{entity_id: "e3", name: "Comune di Ottobre"}],
  accounts: [{...fb, entity_id: "e3"}],
  authors: [{platform: "facebook", author_id: "page3", is_own: true}, {platform: "facebook", author_id: "v1"}],
  items: [
    {...fb, author_id: "page3", item_id: "post", created_at: "2025-10-20T08:00:00Z", text: "Avviso", root_id: "post"},
    // Fri 24 Oct 11:00 (UTC+2) question; answered Mon 27 Oct 10:00 (UTC+1)
    {...fb, author_id: "v1", item_id: "q1", created_at: "2025-10-24T09:00:00Z", text: "Quando riapre?", kind: "comment", parent_id: "post", root_id: "post"},
    {...fb, author_id: "page3", item_id: "a1", created_at: "2025-10-27T09:00:00Z", text: "Lunedì", kind: "reply", parent_id: "q1", root_id: "post"},
    // Wed 29 Oct 17:00 question; answered Fri 31 Oct 09:30, the patron saint's day in between
    {...fb, author_id: "v1", item_id: "q2", created_at: "2025-10-29T16:00:00Z", text: "E il mercato?", kind: "comment", parent_id: "post", root_id: "post"},
    {...fb, author_id: "page3", item_id: "a2", created_at: "2025-10-31T08:30:00Z", text: "Venerdì", kind: "reply", parent_id: "q2", root_id: "post"}
  ]
}], {config: {
  ...fixtureConfig,
  hours: [...fixtureConfig.hours,
    ...[1, 2, 3, 4].flatMap((isodow) => [{entity_id: "e3", isodow, open: "09:00", close: "13:00"}, {entity_id: "e3", isodow, open: "15:00", close: "17:30"}]),
    {entity_id: "e3", isodow: 5, open: "09:00", close: "12:00"}],
  holidays: [{entity_id: "e3", day: "2025-10-30", name: "San Patrono"}]
}}));
afterAll(() => warehouse.cleanup());

test("intervals are wall-clock hours in Rome on both sides of the DST change", async () => {
  expect(await query(warehouse.path, `
    select day::varchar as day, open_at::varchar as open_at, close_at::varchar as close_at, open_seconds / 3600 as hours
    from int_business_calendar where day in ('2025-10-24', '2025-10-27') order by open_at`)).toEqual([
    {day: "2025-10-24", open_at: "2025-10-24 07:00:00+00", close_at: "2025-10-24 10:00:00+00", hours: 3},
    {day: "2025-10-27", open_at: "2025-10-27 08:00:00+00", close_at: "2025-10-27 12:00:00+00", hours: 4},
    {day: "2025-10-27", open_at: "2025-10-27 14:00:00+00", close_at: "2025-10-27 16:30:00+00", hours: 2.5}
  ]);
  expect(await query(warehouse.path, "select count(*)::integer as n from int_business_calendar where day in ('2025-10-25', '2025-10-26', '2025-10-30')"))
    .toEqual([{n: 0}]);
});

test("wall-clock time is real elapsed time; open time counts only the entity's hours", async () => {
  expect(await query(warehouse.path, `
    select item_id, response_seconds / 3600 as hours, response_open_seconds / 3600 as open_hours from int_requests order by item_id`)).toEqual([
    // Fri 11:00+02 → Mon 10:00+01: 71 h on the wall clock, 72 h elapsed (the clocks went back one hour);
    // open: Fri 11–12 (1) + Mon 9–10 (1)
    {item_id: "q1", hours: 72, open_hours: 2},
    // Wed 17:00 → Fri 09:30: 40.5 h; open: Wed 17:00–17:30 (0.5) + Thu closed (patron saint) + Fri 9:00–9:30 (0.5)
    {item_id: "q2", hours: 40.5, open_hours: 1}
  ]);
});

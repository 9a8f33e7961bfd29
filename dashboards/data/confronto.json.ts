// Confronto: each entity's indicators beside the median of the comuni of its size class.
import {emitPage} from "./read-marts.ts";

await emitPage({
  benchmark: {sql: "select entity_id, indicator_id, value, size_class, population, class_median, class_entities, window_start::varchar as window_start, window_end::varchar as window_end from pub_benchmark order by entity_id, indicator_id"}
});

// Dati e metodo: freshness of each source, files and rows ingested, rejected files, the metric dictionary.
import {readMetricDictionary} from "./metric-dictionary.ts";
import {emitPage, siteFlavour} from "./read-marts.ts";

const internal = siteFlavour() === "internal";

await emitPage({
  // why: the file ledger is operational metadata; the public site reads counts and dates per format, never paths or error texts
  sources: {alsoReads: ["source_files"], sql: `select coalesce(format, 'non riconosciuto') as format, status, count(*)::integer as files,
      sum(bytes)::double as bytes,
      coalesce(sum(try_cast(json_extract(rows_json, '$.items') as integer)), 0)::integer as items,
      coalesce(sum((select sum(v::integer) from (select unnest(json_extract_string(rows_json, '$.*')) as v))), 0)::integer as rows,
      min(exported_at)::varchar as first_exported_at, max(exported_at)::varchar as last_exported_at, max(ingested_at)::varchar as last_ingested_at
    from source_files group by all order by format, status`},
  // why: the run ledger says when the marts were last built; no data in it
  runs: {alsoReads: ["transform_runs"], sql: "select run_id, finished_at::varchar as finished_at, mode, items_analyzed, models, seconds from transform_runs order by run_id desc limit 1"},
  rejected: {internal: true, mayBeEmpty: true, sql: "select path, format, error, ingested_at::varchar as ingested_at from source_files where status = 'rejected' order by ingested_at desc"}
}, {metrics: readMetricDictionary(), internalSite: internal});

// Dati e metodo: freshness of each source and channel, the last runs, rejected files, the metric dictionary.
import {readMetricDictionary} from "./metric-dictionary.ts";
import {emitPage, lastRunsQuery, siteFlavour} from "./read-marts.ts";

const internal = siteFlavour() === "internal";

await emitPage({
  // why: counts and dates per platform and format, never paths or error texts (pub_sources)
  sources: {sql: `select platform, format, files_loaded, files_rejected, items, rows,
      first_exported_on::varchar as first_exported_on, last_exported_on::varchar as last_exported_on
    from pub_sources order by platform, format`},
  freshness: {sql: `select f.entity_id, e.entity_name, f.platform, f.newest_item_on::varchar as newest_item_on,
      f.newest_export_on::varchar as newest_export_on, f.newest_daily_on::varchar as newest_daily_on,
      f.days_since_newest_item, f.items_last_30_days, f.as_of_on::varchar as as_of_on
    from pub_freshness f join pub_entities e using (entity_id) order by e.entity_name, f.platform`},
  // why: none before the first scheduled run (`npm start` ingests, transforms and builds without recording runs)
  runs: {sql: lastRunsQuery, mayBeEmpty: true},
  rejected: {internal: true, mayBeEmpty: true, sql: "select path, format, error, ingested_at::varchar as ingested_at from source_files where status = 'rejected' order by ingested_at desc"}
}, {metrics: readMetricDictionary(), internalSite: internal});

// Dati e metodo: freshness of each source, files and rows ingested, rejected files, the metric dictionary.
import {readMetricDictionary} from "./metric-dictionary.ts";
import {emitPage, siteFlavour} from "./read-marts.ts";

const internal = siteFlavour() === "internal";

await emitPage({
  // why: counts and dates per platform and format, never paths or error texts (pub_sources)
  sources: {sql: `select platform, format, files_loaded, files_rejected, items, rows,
      first_exported_on::varchar as first_exported_on, last_exported_on::varchar as last_exported_on
    from pub_sources order by platform, format`},
  rejected: {internal: true, mayBeEmpty: true, sql: "select path, format, error, ingested_at::varchar as ingested_at from source_files where status = 'rejected' order by ingested_at desc"}
}, {metrics: readMetricDictionary(), internalSite: internal});

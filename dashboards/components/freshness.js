// Dati e metodo: how current each entity's channels are (pub_freshness) and the last scheduled runs (table runs).
import {formatDateTime, formatDay, formatNumber, platformName} from "./format.js";

/** The freshness table's columns: Italian labels for the table, raw keys for the CSV. */
export const freshnessColumns = [
  {key: "entity_name", label: "Ente"},
  {key: "platform", label: "Canale", format: platformName},
  {key: "newest_item_on", label: "Ultimo contenuto", format: formatDay},
  {key: "days_since_newest_item", label: "Giorni dall'ultimo contenuto", format: (v) => formatNumber(v)},
  {key: "items_last_30_days", label: "Contenuti negli ultimi 30 giorni", format: (v) => formatNumber(v)},
  {key: "newest_daily_on", label: "Ultimo giorno di metriche", format: formatDay},
  {key: "newest_export_on", label: "Ultima esportazione", format: formatDay}
];

/** The freshness table in words (its text alternative): how many channels are current, which lag, which are empty. */
export function freshnessSummary(rows, {recentDays = 7} = {}) {
  if (!rows.length) return "Nessun canale registrato.";
  const asOf = rows[0].as_of_on;
  const name = (row) => `${platformName(row.platform)} di ${row.entity_name}`;
  const withItems = rows.filter((row) => row.newest_item_on != null);
  const recent = withItems.filter((row) => row.days_since_newest_item <= recentDays).length;
  const parts = [`${rows.length} ${rows.length === 1 ? "canale osservato" : "canali osservati"}; ${recent} con contenuti negli ultimi ${recentDays} giorni fino al ${formatDay(asOf)}.`];
  const oldest = withItems.reduce((a, row) => (a == null || row.days_since_newest_item > a.days_since_newest_item ? row : a), null);
  if (oldest && oldest.days_since_newest_item > recentDays) {
    parts.push(`Il più fermo: ${name(oldest)}, ultimo contenuto del ${formatDay(oldest.newest_item_on)} (${formatNumber(oldest.days_since_newest_item)} giorni prima).`);
  }
  const empty = rows.filter((row) => row.newest_item_on == null);
  if (empty.length) parts.push(`Senza contenuti: ${empty.map((row) => `${name(row)}${row.newest_daily_on ? " (solo metriche giornaliere)" : ""}`).join(", ")}.`);
  return parts.join(" ");
}

/** Italian names of the runs' outcomes (lib/run.ts). */
export const outcomeNames = {
  ok: "completata", nothing_new: "nessun file nuovo", rejected_files: "completata, con file scartati", failed: "non riuscita",
  interrupted: "interrotta", running: "in corso"
};

export function outcomeName(outcome) {
  return outcomeNames[outcome] ?? outcome;
}

const seconds = (v) => (v == null ? "–" : `${formatNumber(v, {digits: 1})} s`);

/** The runs table's columns (dates and times in Europe/Rome). */
export const runColumns = [
  {key: "run_id", label: "N."},
  {key: "started_at", label: "Inizio", format: formatDateTime},
  {key: "finished_at", label: "Fine", format: formatDateTime},
  {key: "outcome", label: "Esito", format: outcomeName},
  {key: "files_loaded", label: "File caricati", format: (v) => formatNumber(v)},
  {key: "files_skipped", label: "File già letti o senza dati", format: (v) => formatNumber(v)},
  {key: "files_rejected", label: "File scartati", format: (v) => formatNumber(v)},
  {key: "rows_added", label: "Righe aggiunte", format: (v) => formatNumber(v)},
  {key: "transform_seconds", label: "Calcolo degli indicatori", format: seconds},
  {key: "build_seconds", label: "Costruzione del sito", format: seconds}
];

/** The last run before this publication, in one sentence; null when no run was ever recorded. */
export function lastRunSentence(runs) {
  const last = runs[0];
  if (!last) return null;
  return `L'ultima esecuzione registrata prima di questa pubblicazione (n. ${last.run_id}) è iniziata il ${formatDateTime(last.started_at)}: ` +
    `${outcomeName(last.outcome)}, ${formatNumber(last.files_loaded)} file caricati, ${formatNumber(last.files_rejected)} scartati, ` +
    `${last.rows_added == null ? "righe aggiunte non registrate" : `${formatNumber(last.rows_added)} righe aggiunte`}.`;
}

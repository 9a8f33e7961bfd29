// The filters shared by every page (period, entity, platform), kept in the URL's query string so that a
// link, a bookmark or a move to another page keeps what the reader chose.
import * as Inputs from "@observablehq/inputs";
import {platformName} from "./format.js";

/** Period choices: months back from the data's latest month ("all" = the whole history). */
export const periods = [
  {id: "1m", label: "Ultimo mese", months: 1},
  {id: "3m", label: "Ultimi 3 mesi", months: 3},
  {id: "6m", label: "Ultimi 6 mesi", months: 6},
  {id: "12m", label: "Ultimi 12 mesi", months: 12},
  {id: "all", label: "Tutto il periodo", months: Infinity}
];

export const defaults = {period: "3m", entity: "", platform: "all"};

/** Filters from a query string (unknown values fall back to the defaults or to `fallbackEntity`). */
export function readFilters(search, {entities = [], platforms = [], fallbackEntity = entities[0]?.entity_id ?? ""} = {}) {
  const params = new URLSearchParams(search);
  const period = periods.some((p) => p.id === params.get("periodo")) ? params.get("periodo") : defaults.period;
  const entityIds = entities.map((e) => e.entity_id);
  const entity = entityIds.includes(params.get("ente")) || params.get("ente") === "all" ? params.get("ente") : fallbackEntity;
  const platform = platforms.includes(params.get("canale")) ? params.get("canale") : "all";
  return {period, entity, platform};
}

/** The query string for a set of filters ("?periodo=3m&ente=valdoria&canale=all"). */
export function filtersQuery({period, entity, platform}) {
  return `?${new URLSearchParams({periodo: period, ente: entity, canale: platform})}`;
}

/** [start, end) of a period as "YYYY-MM-DD" strings, ending after the month of `asOf`; and the one before it. */
export function periodRange(periodId, asOf) {
  const months = periods.find((p) => p.id === periodId)?.months ?? 3;
  const end = monthStart(asOf, 1);
  if (!Number.isFinite(months)) return {start: "0000-01-01", end, previousStart: null, previousEnd: null, months};
  const start = monthStart(asOf, 1 - months);
  return {start, end, previousStart: monthStart(asOf, 1 - 2 * months), previousEnd: start, months};
}

function monthStart(day, offset) {
  const [year, month] = String(day).slice(0, 10).split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1 + offset, 1));
  return date.toISOString().slice(0, 10);
}

/**
 * The rows matching the filters: inside the period (by `dateKey`), of the entity and platform when the rows
 * carry those columns. `previous: true` selects the period before instead.
 */
export function filterRows(rows, {period, entity, platform}, {asOf, dateKey = "month_start", previous = false} = {}) {
  if (!rows) return [];
  const range = periodRange(period, asOf);
  const [start, end] = previous ? [range.previousStart, range.previousEnd] : [range.start, range.end];
  if (start == null) return [];
  return rows.filter((row) =>
    (!dateKey || (String(row[dateKey]).slice(0, 10) >= start && String(row[dateKey]).slice(0, 10) < end)) &&
    (!entity || entity === "all" || row.entity_id === undefined || row.entity_id === entity) &&
    (platform === "all" || row.platform === undefined || row.platform === platform));
}

/** The filter form; its value is {period, entity, platform} and every change is written to the URL. */
export function FilterBar({entities, platforms, asOf, showPlatform = true, showPeriod = true}) {
  const initial = readFilters(location.search, {entities, platforms});
  const form = Inputs.form({
    period: showPeriod
      ? Inputs.select(periods.map((p) => p.id), {label: "Periodo", value: initial.period, format: (id) => periods.find((p) => p.id === id).label})
      : hiddenInput(initial.period),
    entity: Inputs.select(["all", ...entities.map((e) => e.entity_id)], {
      label: "Ente", value: initial.entity,
      format: (id) => id === "all" ? "Tutti gli enti" : entities.find((e) => e.entity_id === id).name
    }),
    platform: showPlatform
      ? Inputs.select(["all", ...platforms], {label: "Canale", value: initial.platform, format: platformName})
      : hiddenInput(initial.platform)
  });
  form.classList.add("filters");
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", "Filtri: periodo, ente e canale");
  form.addEventListener("input", () => history.replaceState(history.state, "", filtersQuery(form.value) + location.hash));
  // on paper the selects are hidden: the chosen filters are printed as a sentence instead
  const printed = Object.assign(document.createElement("p"), {className: "filters-print"});
  const describe = () => {
    const {period, entity, platform} = form.value;
    printed.textContent = `Ente: ${entity === "all" ? "tutti gli enti" : entities.find((e) => e.entity_id === entity)?.name ?? entity}` +
      (showPeriod ? ` · Periodo: ${periods.find((p) => p.id === period)?.label}` : "") + (showPlatform ? ` · Canale: ${platformName(platform)}` : "");
  };
  describe();
  form.addEventListener("input", describe);
  form.append(printed);
  if (asOf) form.append(Object.assign(document.createElement("p"), {className: "filters-note", textContent: `Dati aggiornati al ${formatAsOf(asOf)}`}));
  keepFiltersInLinks();
  return form;
}

function formatAsOf(asOf) {
  const [year, month, day] = String(asOf).slice(0, 10).split("-");
  return `${Number(day)}/${month}/${year}`;
}

function hiddenInput(value) {
  const input = document.createElement("input");
  input.type = "hidden";
  input.value = value;
  return input;
}

let linksKept = false;

/** Links to the site's other pages carry the current filters (the sidebar's links have no query string). */
export function keepFiltersInLinks() {
  if (linksKept) return;
  linksKept = true;
  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[href]");
    if (!link || link.hasAttribute("download") || link.origin !== location.origin || !location.search) return;
    if (link.pathname === location.pathname && link.hash) return;
    if (/\.[a-z0-9]+$/i.test(link.pathname) && !link.pathname.endsWith(".html")) return;
    const params = new URLSearchParams(link.search);
    for (const [key, value] of new URLSearchParams(location.search)) if (!params.has(key)) params.set(key, value);
    link.search = `?${params}`;
  }, {capture: true});
}

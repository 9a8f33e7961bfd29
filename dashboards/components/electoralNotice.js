// The par condicio notice (legge 28/2000): shown while a configured electoral period is running.
import {html} from "htl";
import {formatDay} from "./format.js";

/** The periods running on `day` ("YYYY-MM-DD", Europe/Rome) for the entity (or for every entity). */
export function activePeriods(periods, day, entity = null) {
  return (periods ?? []).filter((p) => p.start_on <= day && day <= p.end_on &&
    (!p.entity_ids?.length || entity == null || entity === "all" || p.entity_ids.includes(entity)));
}

/** Today's calendar day in Europe/Rome. */
export function todayInRome(now = new Date()) {
  return new Intl.DateTimeFormat("en-CA", {timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit"}).format(now);
}

export function ElectoralNotice(periods, {day = todayInRome(), entity = null} = {}) {
  const active = activePeriods(periods, day, entity);
  if (!active.length) return html`<span class="no-electoral-notice"></span>`;
  return html`<aside class="electoral-notice" role="note" aria-label="Periodo elettorale">
    <strong>Periodo elettorale in corso.</strong>
    ${active.map((p) => html`<span> ${p.name}: dal ${formatDay(p.start_on)} al ${formatDay(p.end_on)}.</span>`)}
    Durante la par condicio (legge 28/2000) la comunicazione istituzionale è limitata a quella indispensabile
    e impersonale: i dati di questo sito descrivono l'attività dei canali, non ne valutano i contenuti.
  </aside>`;
}

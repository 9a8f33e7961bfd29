// A headline figure for a phone screen: the value, its change against the previous period and one plain sentence.
import {html} from "htl";

/**
 * @param options.label what the figure is ("Domande con risposta")
 * @param options.value the formatted value; change: the formatted change ("+3 p.p. rispetto ai 3 mesi prima")
 * @param options.trend "up" | "down" | "flat" | null, and whether up is good (goodWhen)
 */
export function Headline({label, value, change, trend = null, goodWhen = "up", sentence, metric, note}) {
  const tone = trend == null || trend === "flat" ? "neutral" : trend === goodWhen ? "good" : "bad";
  const arrow = trend === "up" ? "▲" : trend === "down" ? "▼" : trend === "flat" ? "=" : "";
  return html`<section class="card headline" aria-label=${label}>
    <h2>${label}</h2>
    <p class="headline-value">${value}</p>
    ${change ? html`<p class=${`headline-change ${tone}`}><span aria-hidden="true">${arrow} </span>${change}</p>` : ""}
    <p class="headline-sentence">${sentence}</p>
    ${note ? html`<p class="headline-note">${note}</p>` : ""}
    ${metric ? html`<p class="headline-link"><a href=${`./metodo#${metric}`}>Come si calcola</a></p>` : ""}
  </section>`;
}

/** "up", "down" or "flat" (within `tolerance` of the previous value, relative or absolute for shares). */
export function trendOf(current, previous, {tolerance = 0.02, absolute = false} = {}) {
  if (current == null || previous == null) return null;
  const delta = absolute ? current - previous : previous === 0 ? (current === 0 ? 0 : 1) : (current - previous) / Math.abs(previous);
  return Math.abs(delta) <= tolerance ? "flat" : delta > 0 ? "up" : "down";
}

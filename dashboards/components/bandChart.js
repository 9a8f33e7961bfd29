// Shares of requests by response band, one stacked bar per channel: how fast each channel answers.
import * as Plot from "@observablehq/plot";
import {bandName, bandNames, formatNumber, formatPercent} from "./format.js";

// why: fast to slow in a single hue that darkens, then grey for "no answer", so the order reads without a legend
const colors = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c", "#bdbdbd"];

/** @param rows one row per category (y) and band, with requests */
export function BandChart(rows, {y = "platform", width, yLabel = (d) => d} = {}) {
  const totals = new Map();
  for (const row of rows) totals.set(row[y], (totals.get(row[y]) ?? 0) + row.requests);
  const Y = (d) => yLabel(d[y]);
  return Plot.plot({
    width, height: Math.max(120, totals.size * 36 + 70), marginLeft: Math.min(160, (width ?? 640) * 0.3),
    x: {label: "Richieste (% per canale)", tickFormat: (v) => formatPercent(v), domain: [0, 1]},
    y: {label: null},
    color: {legend: true, domain: Object.keys(bandNames), range: colors, tickFormat: bandName},
    marks: [
      Plot.barX([...rows].sort((a, b) => a.band_order - b.band_order), Plot.stackX({x: (d) => d.requests / totals.get(d[y]), y: Y, fill: "band",
        title: (d) => `${yLabel(d[y])}, ${bandName(d.band)}: ${formatNumber(d.requests)} richieste (${formatPercent(d.requests / totals.get(d[y]))})`})),
      Plot.ruleX([0])
    ]
  });
}

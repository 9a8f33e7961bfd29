// Series over time (months, weeks or days), one line per series, with marks where a metric's definition changed.
import * as Plot from "@observablehq/plot";
import {formatIt, formatNumber, formatPercent, parseDay, utcFormatIt} from "./format.js";

/**
 * @param rows one row per time and series
 * @param options.x date column ("YYYY-MM-DD"); y value column; z series column (optional)
 * @param options.changes [{day, label}]: where the series changes definition (e.g. impressions → views)
 */
export function LineChart(rows, {x = "month_start", y, z, width, height = 260, yLabel, percent = false, zLabel = (d) => d,
  changes = [], band, yDomain, tickFormat = "%b %Y"} = {}) {
  const format = percent ? (v) => formatPercent(v) : (v) => formatNumber(v, {digits: Math.abs(v) < 10 && !Number.isInteger(v) ? 1 : 0});
  const X = (d) => parseDay(d[x]);
  const Z = z ? (d) => zLabel(d[z]) : undefined;
  // why: Plot's default ticks repeat the month label on a short span; whole months, thinned to fit the width
  const times = rows.map((d) => X(d).getTime());
  // why: a change outside the plotted span would stretch the axis to reach it; it is said in the card's note instead
  const shown = changes.filter((change) => rows.length && parseDay(change.day).getTime() >= Math.min(...times) && parseDay(change.day).getTime() <= Math.max(...times));
  const spanMonths = rows.length ? (Math.max(...times) - Math.min(...times)) / (30.4 * 864e5) + 1 : 1;
  const step = Math.max(1, Math.ceil(spanMonths / Math.max(2, Math.floor((width ?? 640) / 90))));
  const ticks = spanMonths < 2 ? "week" : `${step} months`;
  return Plot.plot({
    width, height, marginLeft: 56, marginRight: 30,
    x: {type: "utc", label: null, tickFormat: utcFormatIt(spanMonths < 2 ? "%-d %b" : tickFormat), ticks},
    y: {label: yLabel, grid: true, zero: !percent || !yDomain, domain: yDomain, tickFormat: percent ? (v) => formatPercent(v) : formatIt(",~g")},
    color: z ? {legend: true, type: "categorical", scheme: "observable10"} : undefined,
    marks: [
      band ? Plot.areaY(rows, {x: X, y1: (d) => d[band[0]], y2: (d) => d[band[1]], z: Z, fill: Z ?? "currentColor", fillOpacity: 0.15}) : null,
      Plot.ruleY(percent ? [] : [0]),
      Plot.lineY(rows, {x: X, y, z: Z, stroke: Z ?? "currentColor", strokeWidth: 2, marker: rows.length < 60 ? "circle-stroke" : null}),
      ...shown.map((change) => [
        Plot.ruleX([parseDay(change.day)], {stroke: "currentColor", strokeDasharray: "4,3"}),
        Plot.text([change], {x: () => parseDay(change.day), frameAnchor: "top", dx: 4, textAnchor: "start", text: () => change.label, fontSize: 11})
      ]),
      Plot.tip(rows, Plot.pointer({x: X, y, z: Z, title: (d) => `${z ? `${zLabel(d[z])}\n` : ""}${utcFormatIt("%-d %B %Y")(X(d))}\n${yLabel ?? y}: ${format(d[y])}`}))
    ]
  });
}

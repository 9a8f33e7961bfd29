// Horizontal bars for categories (topics, platforms), optionally with a 95% interval per bar.
import * as Plot from "@observablehq/plot";
import {formatNumber, formatPercent} from "./format.js";

/**
 * @param rows one row per category
 * @param options.x value column; y category column; interval [low, high] columns (shares only)
 */
export function BarChart(rows, {x, y, width, xLabel, percent = false, interval, yLabel = (d) => d, fill = "var(--theme-foreground-focus)", sort = true} = {}) {
  const format = percent ? (v) => formatPercent(v) : (v) => formatNumber(v);
  const Y = (d) => yLabel(d[y]);
  return Plot.plot({
    width, height: Math.max(120, rows.length * 28 + 40), marginLeft: Math.min(220, (width ?? 640) * 0.4), marginRight: 48,
    x: {label: xLabel, grid: true, tickFormat: percent ? (v) => formatPercent(v) : (v) => formatNumber(v), domain: percent ? [0, 1] : undefined},
    y: {label: null, domain: sort ? [...rows].sort((a, b) => (b[x] ?? 0) - (a[x] ?? 0)).map(Y) : rows.map(Y)},
    marks: [
      Plot.barX(rows, {x, y: Y, fill, fillOpacity: interval ? 0.55 : 1}),
      interval ? Plot.ruleY(rows, {y: Y, x1: interval[0], x2: interval[1], stroke: "currentColor", strokeWidth: 2}) : null,
      Plot.text(rows, {x: interval ? interval[1] : x, y: Y, text: (d) => format(d[x]), dx: 4, textAnchor: "start", fill: "currentColor"}),
      Plot.ruleX([0])
    ]
  });
}

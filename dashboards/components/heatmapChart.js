// Hour of day × weekday cells: when things happen (posts, requests, interactions per post).
import * as Plot from "@observablehq/plot";
import {formatNumber} from "./format.js";

const weekdays = ["lun", "mar", "mer", "gio", "ven", "sab", "dom"];

/**
 * @param rows one row per weekday (1 = Monday … 7 = Sunday) and hour (0–23) with a value column
 * @param options.format how a value is written (legend and tip); color: Plot color options replacing the scheme
 */
export function HeatmapChart(rows, {value, width, label = value, digits = 0, scheme = "blues", format = (v) => formatNumber(v, {digits}), color} = {}) {
  return Plot.plot({
    width, height: 240, marginLeft: 40, padding: 0.05,
    x: {label: "Ora del giorno (Europe/Rome)", domain: Array.from({length: 24}, (_, h) => h), tickFormat: (h) => (h % 3 === 0 ? `${h}` : "")},
    y: {label: null, domain: weekdays},
    color: color ? {legend: true, label, ...color} : {scheme, legend: true, label, tickFormat: format},
    marks: [
      Plot.cell(rows, {x: "hour", y: (d) => weekdays[d.isodow - 1], fill: value, inset: 0.5}),
      Plot.tip(rows, Plot.pointer({x: "hour", y: (d) => weekdays[d.isodow - 1],
        title: (d) => `${weekdays[d.isodow - 1]} ore ${d.hour}–${d.hour + 1}\n${label}: ${format(d[value], d)}`}))
    ]
  });
}

// The publishing calendar: one cell per ISO week and channel, darker with more posts, empty weeks visible.
import * as Plot from "@observablehq/plot";
import {formatNumber, parseDay, platformName, utcFormatIt} from "./format.js";

export function CalendarChart(rows, {width, x = "week_start", y = "platform", value = "posts"} = {}) {
  return Plot.plot({
    width, height: 60 + new Set(rows.map((d) => d[y])).size * 28, marginLeft: 90,
    x: {type: "band", label: "Settimana", tickFormat: (d) => (d.getUTCDate() <= 7 ? utcFormatIt("%b")(d) : ""), padding: 0.08},
    y: {label: null, tickFormat: platformName},
    color: {type: "sqrt", scheme: "greens", legend: true, label: "Post nella settimana"},
    marks: [
      Plot.cell(rows, {x: (d) => parseDay(d[x]), y, fill: value}),
      // weeks without posts: an outline, so an empty week reads as a gap, not as missing data
      Plot.cell(rows.filter((d) => d[value] === 0), {x: (d) => parseDay(d[x]), y, fill: "var(--theme-background)", stroke: "currentColor", strokeOpacity: 0.5, inset: 1}),
      Plot.tip(rows, Plot.pointer({x: (d) => parseDay(d[x]), y,
        title: (d) => `${platformName(d[y])}, settimana del ${utcFormatIt("%-d %B %Y")(parseDay(d[x]))}: ${formatNumber(d[value])} post`}))
    ]
  });
}

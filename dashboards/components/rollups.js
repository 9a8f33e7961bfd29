// Re-aggregation of mart rows over what the reader filtered (several months, channels or entities).
// Only sums and ratios of sums: the same formulas as transforms/macros.sql, applied to totals.

/** Sum of a column (nulls skipped; null when every value is null). */
export function sum(rows, key) {
  let total = null;
  for (const row of rows) if (row[key] != null) total = (total ?? 0) + Number(row[key]);
  return total;
}

/** Groups rows by `by` columns and sums `sums` columns: [{...keys, ...sums}]. */
export function rollup(rows, by, sums) {
  const groups = new Map();
  for (const row of rows) {
    const key = by.map((k) => row[k]).join("\u0000");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(row);
  }
  return [...groups.values()].map((group) => ({
    ...Object.fromEntries(by.map((k) => [k, group[0][k]])),
    ...Object.fromEntries(sums.map((k) => [k, sum(group, k)])),
    rows: group.length
  }));
}

/** null when the denominator is zero or missing (macros.sql `ratio`). */
export function ratio(numerator, denominator) {
  return denominator != null && denominator !== 0 && numerator != null ? numerator / denominator : null;
}

/** Wilson 95% interval for x of n (macros.sql `wilson_low`/`wilson_high`). */
export function wilson(x, n) {
  if (!n) return [null, null];
  const p = x / n, z2 = 3.8416;
  const centre = p + z2 / (2 * n), spread = 1.96 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [x === 0 ? 0 : Math.max(0, (centre - spread) / (1 + z2 / n)), x === n ? 1 : Math.min(1, (centre + spread) / (1 + z2 / n))];
}

/** (positive − negative) / (positive + negative), in [−1, 1] (macros.sql `net_sentiment`). */
export function netSentiment(positive, negative) {
  return ratio(positive - negative, positive + negative);
}

/** Fewer than 10 cases: shown, with count and interval, and flagged (macros.sql `is_small_n`). */
export function isSmall(n) {
  return (n ?? 0) < 10;
}

/** The rows of the latest month present (by `dateKey`). */
export function latest(rows, dateKey = "month_start") {
  const last = rows.reduce((max, row) => (row[dateKey] > max ? row[dateKey] : max), "");
  return rows.filter((row) => row[dateKey] === last);
}

/**
 * Customer care over the filtered rows: requests, answered share with interval, redirects, and a typical
 * response time (the monthly medians weighted by answered requests: a period-wide median needs the requests).
 */
export function careTotals(rows) {
  const requests = sum(rows, "requests") ?? 0, answered = sum(rows, "answered") ?? 0, redirected = sum(rows, "redirected") ?? 0;
  const [low, high] = wilson(answered, requests);
  const timed = rows.filter((row) => row.median_response_hours != null && row.answered > 0);
  const weight = sum(timed, "answered");
  const typicalHours = weight ? timed.reduce((acc, row) => acc + row.median_response_hours * row.answered, 0) / weight : null;
  return {requests, answered, redirected, pct_answered: ratio(answered, requests), low, high, small: isSmall(requests), typicalHours};
}

/** Sentiment over the filtered rows (topic "all"): counts, shares of the items with a tone, net sentiment. */
export function sentimentTotals(rows) {
  const all = rows.filter((row) => row.topic === "all");
  const positive = sum(all, "positive") ?? 0, negative = sum(all, "negative") ?? 0, items = sum(all, "items") ?? 0;
  const polar = positive + negative;
  const [low, high] = wilson(positive, polar);
  return {items, positive, negative, polar, pct_positive: ratio(positive, polar), low, high, net: netSentiment(positive, negative), small: isSmall(polar)};
}

/** Net sentiment per month (and per `z` column when given) from topic "all" rows. */
export function sentimentByMonth(rows, {z} = {}) {
  const grouped = rollup(rows.filter((row) => row.topic === "all"), z ? ["month_start", z] : ["month_start"], ["items", "positive", "negative", "neutral"]);
  return grouped
    .map(({rows: _, ...row}) => ({...row, polar_items: row.positive + row.negative, net_sentiment: netSentiment(row.positive, row.negative)}))
    .sort((a, b) => a.month_start.localeCompare(b.month_start));
}

/** The `n` largest groups by `value` after summing. */
export function top(rows, by, value, n = 10) {
  return rollup(rows, [by], [value]).map(({rows: _, ...row}) => row).sort((a, b) => (b[value] ?? 0) - (a[value] ?? 0)).slice(0, n);
}

/** The distinct values of a column, in first-seen order. */
export function distinct(rows, key) {
  return [...new Set(rows.map((row) => row[key]).filter((value) => value != null))];
}

/** Requests per response band over the rows (pub_response_times), in band order: [{band, band_order, band_min_hours, band_max_hours, is_answered, requests}]. */
export function bandTotals(rows) {
  return rollup(rows, ["band"], ["requests"])
    .map(({rows: _, band, requests}) => {
      const first = rows.find((row) => row.band === band);
      return {band, band_order: first.band_order, band_min_hours: first.band_min_hours, band_max_hours: first.band_max_hours, is_answered: first.is_answered, requests};
    })
    .sort((a, b) => a.band_order - b.band_order);
}

/**
 * The band holding the median time to first response of the answered requests: exact as a range, not as a
 * number. When the median falls between two bands (an even count split at a boundary) the range spans both.
 */
export function medianBand(rows) {
  const bands = bandTotals(rows).filter((band) => band.is_answered);
  const answered = bands.reduce((total, band) => total + band.requests, 0);
  if (!answered) return null;
  let cumulative = 0;
  for (const [i, band] of bands.entries()) {
    cumulative += band.requests;
    if (cumulative * 2 > answered) return {low: band.band_min_hours, high: band.band_max_hours, band: band.band, answered};
    if (cumulative * 2 === answered) {
      const next = bands.slice(i + 1).find((b) => b.requests > 0);
      return {low: band.band_min_hours, high: next ? next.band_max_hours : band.band_max_hours, band: next ? `${band.band}+${next.band}` : band.band, answered};
    }
  }
  return null;
}

/** Per weekday and hour: requests, answered share (with interval) and median band, from pub_response_times cells. */
export function responseCells(rows) {
  const cells = rollup(rows.filter((row) => row.weekday > 0), ["weekday", "hour"], ["requests"]);
  return cells.map(({rows: _, weekday, hour, requests}) => {
    const own = rows.filter((row) => row.weekday === weekday && row.hour === hour);
    const answered = sum(own.filter((row) => row.is_answered), "requests") ?? 0;
    const [low, high] = wilson(answered, requests);
    const median = medianBand(own);
    return {isodow: weekday, hour, requests, answered, pct_answered: ratio(answered, requests), low, high,
      median_band: median?.band ?? null, median_low: median?.low ?? null, median_high: median?.high ?? null,
      median_order: median ? own.find((row) => row.band === median.band.split("+")[0])?.band_order ?? null : null};
  }).sort((a, b) => a.isodow - b.isodow || a.hour - b.hour);
}

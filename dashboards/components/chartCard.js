// A chart's frame: a title saying what it shows, the chart, a plain-language text alternative, the data as
// a table on demand, a CSV download of exactly those rows and a link to the metric's definition.
import {csvFormat} from "d3-dsv";
import {html} from "htl";

/**
 * @param chart the element (usually resize((width) => Chart(rows, {width})))
 * @param options.title what the chart shows, with its unit
 * @param options.summary one or two sentences a screen reader (and anyone) gets instead of the picture
 * @param options.rows the data behind the chart; columns: [{key, label, format}] for the table and the CSV
 * @param options.metrics ids of entries in the metric dictionary (Dati e metodo)
 * @param options.note caveats: small samples, definitions that changed
 */
export function ChartCard(chart, {title, summary, rows = [], columns, metrics = [], filename = "dati", note, maxTableRows = 60} = {}) {
  const cols = columns ?? Object.keys(rows[0] ?? {}).map((key) => ({key, label: key}));
  const id = `chart-${filename}`;
  const figure = html`<figure class="chart-card" aria-labelledby=${`${id}-title`}>
    <h2 id=${`${id}-title`}>${title}</h2>
    <div class="chart-body" role="img" aria-label=${summary ?? title}>${chart}</div>
    <figcaption>${summary ?? ""}${note ? html`<span class="chart-note"> ${note}</span>` : ""}</figcaption>
    <div class="chart-tools">
      ${DataTable(rows, cols, {caption: title, max: maxTableRows})}
      ${CsvButton(rows, cols, {filename, label: title})}
      ${metrics.map((metric, i) => html`${i ? " · " : ""}<a class="metric-link" href=${`./metodo#${metric}`}>Come si calcola: ${metric}</a>`)}
    </div>
  </figure>`;
  hidePlotMarks(figure.querySelector(".chart-body"));
  return figure;
}

/**
 * Plot labels its <g> marks with aria-label, which ARIA forbids on elements without a role; the chart's
 * text alternative is the card's summary and table, so the picture itself is hidden from assistive technology
 * (again after each redraw of a resize()).
 */
function hidePlotMarks(body) {
  const hide = () => {
    for (const svg of body.querySelectorAll("svg:not([aria-hidden])")) svg.setAttribute("aria-hidden", "true");
    for (const mark of body.querySelectorAll("g[aria-label]")) mark.removeAttribute("aria-label");
  };
  hide();
  new MutationObserver(hide).observe(body, {childList: true, subtree: true});
}

/** The rows as a table inside a closed <details> (a text alternative that keeps every value). */
export function DataTable(rows, columns, {caption, max = 60} = {}) {
  const shown = rows.slice(0, max);
  return html`<details class="data-table">
    <summary>Tabella dei dati (${rows.length} ${rows.length === 1 ? "riga" : "righe"})</summary>
    <div class="table-scroll" tabindex="0" role="region" aria-label=${`Tabella: ${caption}`}><table>
      <caption class="visually-hidden">${caption}</caption>
      <thead><tr>${columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
      <tbody>${shown.map((row) => html`<tr>${columns.map((c) => html`<td>${cell(row, c)}</td>`)}</tr>`)}</tbody>
    </table></div>
    ${rows.length > max ? html`<p>Prime ${max} righe: il CSV le contiene tutte.</p>` : ""}
  </details>`;
}

function cell(row, column) {
  const value = row[column.key];
  return column.format ? column.format(value, row) : value == null ? "–" : String(value);
}

/** The CSV of the rows, with the columns' labels as header and raw (unformatted) values. */
export function toCsv(rows, columns) {
  return csvFormat(rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, csvValue(row[c.key])]))), columns.map((c) => c.key));
}

function csvValue(value) {
  if (value == null) return "";
  return Array.isArray(value) ? value.join("|") : value;
}

/** A button that downloads the rows as CSV (built in the browser: the site stays static and small). */
export function CsvButton(rows, columns, {filename = "dati", label = filename} = {}) {
  const button = html`<button type="button" class="csv-button" aria-label=${`Scarica CSV: ${label}`}>Scarica CSV</button>`;
  button.onclick = () => {
    const blob = new Blob(["\ufeff", toCsv(rows, columns)], {type: "text/csv;charset=utf-8"});
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${filename}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };
  return button;
}

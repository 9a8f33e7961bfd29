// A plain table for lists (internal pages): every cell is set as text, so a comment holding markup stays inert.

/**
 * @param rows objects; columns: [{key, label, format?, link?}]; link(row) gives an href for the cell
 */
export function TextTable(rows, {columns, caption, max = 200} = {}) {
  const wrap = document.createElement("div");
  wrap.className = "table-scroll";
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", caption ?? "Tabella");
  const table = wrap.appendChild(document.createElement("table"));
  if (caption) table.appendChild(document.createElement("caption")).textContent = caption;
  const head = table.appendChild(document.createElement("thead")).appendChild(document.createElement("tr"));
  for (const column of columns) {
    const th = head.appendChild(document.createElement("th"));
    th.scope = "col";
    th.textContent = column.label;
  }
  const body = table.appendChild(document.createElement("tbody"));
  for (const row of rows.slice(0, max)) {
    const tr = body.appendChild(document.createElement("tr"));
    for (const column of columns) {
      const td = tr.appendChild(document.createElement("td"));
      const text = column.format ? column.format(row[column.key], row) : row[column.key] == null ? "–" : String(row[column.key]);
      const href = column.link?.(row);
      if (href && /^https?:\/\//.test(href)) {
        const a = td.appendChild(document.createElement("a"));
        a.href = href;
        a.rel = "noopener noreferrer";
        a.target = "_blank";
        a.textContent = text;
      } else {
        td.textContent = text;
      }
    }
  }
  if (rows.length > max) wrap.appendChild(document.createElement("p")).textContent = `Prime ${max} righe su ${rows.length}.`;
  return wrap;
}

// Observable Framework: the public site (and, with ASCOLTO_SITE=internal, the analysts' site).
const internal = process.env.ASCOLTO_SITE === "internal";

export default {
  root: "dashboards",
  title: internal ? "ascolto (interno)" : "ascolto",
  pages: [
    {name: "Panoramica", path: "/"},
    {name: "Ascolto", path: "/ascolto"},
    {name: "Assistenza ai cittadini", path: "/assistenza"},
    {name: "Community", path: "/community"},
    {name: "Canali e pubblicazione", path: "/canali"},
    {name: "Campagne", path: "/campagne"},
    {name: "Confronto", path: "/confronto"},
    {name: "Dati e metodo", path: "/metodo"}
  ],
  // the defaults load Google Fonts: the public site must make no request to another host
  globalStylesheets: [],
  style: "style.css",
  search: false,
  sidebar: true,
  pager: false,
  toc: false,
  // the empty icon stops the browser asking for /favicon.ico (a 404 in the console)
  head: '<link rel="icon" href="data:,"><meta name="description" content="ascolto: ascolto dei social e assistenza ai cittadini, dati aggregati e anonimi">',
  footer: internal
    ? "ascolto, sito interno: contiene estratti di messaggi dei cittadini, da non pubblicare."
    : "ascolto: dati aggregati, nessun cittadino è nominato. Dati di esempio sintetici.",
  output: process.env.ASCOLTO_SITE_OUTPUT ?? (internal ? "dist-internal" : "dist")
};

// Observable Framework: the public site (and, with ASCOLTO_SITE=internal, the analysts' site).
export default {
  root: "dashboards",
  title: "ascolto",
  // the defaults load Google Fonts: the public site must make no request to another host
  globalStylesheets: [],
  style: "style.css",
  search: false,
  footer: "ascolto: dati sintetici di esempio",
  output: process.env.ASCOLTO_SITE_OUTPUT ?? (process.env.ASCOLTO_SITE === "internal" ? "dist-internal" : "dist")
};

/** Meta Business Suite content export (Italian or English UI) and the daily Page insights CSV. */
import type {SampleFile, WriteContext} from "./output.ts";
import type {ComuneWorld} from "./world.ts";
import {countAt} from "./world.ts";
import {allMessages} from "./ids.ts";
import {day, slashDate} from "./time.ts";

const headers = {
  en: ["Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time", "Caption type", "Permalink", "Is crosspost", "Is share", "Post type", "Languages", "Custom labels", "Funded content status", "Data comment", "Date", "Views", "Reach", "Reactions, Comments and Shares", "Reactions", "Comments", "Shares"],
  it: ["ID post", "ID Pagina", "Nome della Pagina", "Titolo", "Descrizione", "Durata (sec)", "Orario di pubblicazione", "Tipo di didascalia", "Permalink", "È un crosspost", "È una condivisione", "Tipo di post", "Lingue", "Etichette personalizzate", "Stato dei contenuti sponsorizzati", "Commento sui dati", "Data", "Visualizzazioni", "Copertura", "Reazioni, commenti e condivisioni", "Reazioni", "Commenti", "Condivisioni"]
};

const postType = {
  en: {photo: "Photos", link: "Links", text: "Status", video: "Videos", carousel: "Photos"},
  it: {photo: "Foto", link: "Link", text: "Stato", video: "Video", carousel: "Foto"}
};

function cell(value: string, delimiter: string): string {
  return /["\n\r]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Thousands separators as the UI locale writes them: "12.345" in Italian, "12,345" in English. */
function grouped(n: number, locale: "en" | "it"): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, locale === "it" ? "." : ",");
}

export function writeBusinessSuiteCsv(context: WriteContext, comune: ComuneWorld, locale: "en" | "it"): SampleFile {
  const {spec, posts} = comune;
  const {exportAt} = context.world;
  const delimiter = locale === "it" ? ";" : ",";
  const rows = posts.filter((p) => p.platform === "facebook").sort((a, b) => b.at - a.at).map((post) => {
    const postNum = post.id.split("_")[1]!;
    const reactions = countAt(post.final.likes, post.at, exportAt);
    const comments = allMessages(post).length;
    const shares = countAt(post.final.shares, post.at, exportAt);
    return [
      postNum, spec.accounts.facebook.id, spec.name, "", post.text, post.media === "video" ? (locale === "it" ? "47,5" : "47.5") : "",
      slashDate(post.at, locale === "it"), "", `https://www.facebook.com/${spec.accounts.facebook.id}/posts/${postNum}`,
      locale === "it" ? "No" : "No", locale === "it" ? "No" : "No", postType[locale][post.media], "", "", "",
      locale === "it" ? "Dati sintetici (campione di ascolto)" : "Synthetic data (ascolto sample)",
      locale === "it" ? "Totale" : "Lifetime",
      grouped(countAt(post.final.views, post.at, exportAt), locale), grouped(countAt(post.final.reach, post.at, exportAt), locale),
      grouped(reactions + comments + shares, locale), grouped(reactions, locale), grouped(comments, locale), grouped(shares, locale)
    ].map((v) => cell(v, delimiter)).join(delimiter);
  });
  const eol = locale === "it" ? "\r\n" : "\n";
  const text = [headers[locale].map((h) => cell(h, delimiter)).join(delimiter), ...rows].join(eol) + eol;
  const stamp = locale === "it" ? "giu-30-2025" : "Jun-30-2025";
  return {
    path: `meta-business-suite/${spec.entity_id}/${stamp}_${locale === "it" ? "contenuti" : "content"}_${spec.accounts.facebook.handle}.csv`,
    data: locale === "it" ? `\ufeff${text}` : text, format: "meta-insights-csv", platform: "facebook", entity: spec.entity_id
  };
}

const insightColumns = [
  ["Date", ""],
  ["Lifetime Total Likes", "Lifetime: The total number of people who have liked your Page. (Unique Users)"],
  ["Daily New Likes", "Daily: The number of new people who have liked your Page. (Unique Users)"],
  ["Daily Unlikes", "Daily: The number of Unlikes of your Page. (Unique Users)"],
  ["Daily Page Engaged Users", "Daily: The number of people who engaged with your Page. Engagement includes any click or story created. (Unique Users)"],
  ["Daily Total Reach", "Daily: The number of people who had any content from your Page or about your Page enter their screen. (Unique Users)"],
  ["Daily Total Impressions", "Daily: The number of times any content from your Page or about your Page entered a person's screen. (Total Count)"],
  ["Daily Logged-in Page Views", "Daily: The number of times a Page's profile has been viewed by people logged in to Facebook. (Total Count)"]
] as const;

/** Page-level insights, one row per day, with the second row of long descriptions. */
export function writePageInsightsCsv(context: WriteContext, comune: ComuneWorld): SampleFile {
  const {spec, posts} = comune;
  const {world} = context;
  const rnd = context.rnd.fork(`insights:${spec.entity_id}`);
  const fans = spec.accounts.facebook.followers;
  let total = Math.round(fans * 0.93);
  const days = Math.round((Date.parse("2025-06-30T00:00:00Z") - world.start) / day) + 1;
  const growth = (fans - total) / days;
  const rows: string[] = [];
  for (let i = 0; i < days; i++) {
    const t = world.start + i * day;
    const isoDay = new Date(t).toISOString().slice(0, 10);
    const todays = posts.filter((p) => p.platform === "facebook" && new Date(p.at).toISOString().slice(0, 10) === isoDay);
    const gained = Math.max(0, Math.round(growth * 1.3 + rnd.poisson(Math.max(1, growth * 0.5))) + todays.length * rnd.int(0, 3));
    const lost = rnd.poisson(Math.max(0.2, growth * 0.3));
    total += gained - lost;
    const reach = Math.round(fans * (0.02 + rnd.next() * 0.02) + todays.reduce((sum, p) => sum + p.final.reach * 0.6, 0));
    const engaged = Math.round(reach * (0.03 + rnd.next() * 0.04));
    const impressions = Math.round(reach * (1.25 + rnd.next() * 0.4));
    rows.push([isoDay, total, gained, lost, engaged, reach, impressions, rnd.poisson(fans / 400)].join(","));
  }
  const quote = (s: string) => (s.includes(",") ? `"${s}"` : s);
  const text = [insightColumns.map(([h]) => quote(h)).join(","), insightColumns.map(([, d]) => quote(d)).join(","), ...rows].join("\n") + "\n";
  return {
    path: `meta-insights/${spec.entity_id}/Facebook Insights Data Export - ${spec.name} - 2025-06-30.csv`,
    data: text, format: "meta-insights-csv", platform: "facebook", entity: spec.entity_id
  };
}

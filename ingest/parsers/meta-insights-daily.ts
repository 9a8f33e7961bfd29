/** Page- and account-level daily Meta Insights exports to `account_daily` rows. */
import {ParseError} from "../../lib/errors.ts";
import type {AccountDailyRow, Platform, Rows} from "../canonical.ts";
import {blank, str, type NumberLocale} from "../values.ts";
import {countCell, dayOf, idCell, type Cells} from "./meta-insights-cells.ts";
import {dailyAccountFields, dailyFields, headerKey, pickHeader, type DailyField} from "./meta-insights-headers.ts";

/** What a daily file's header, name and first pass decided. */
export interface DailyContext {
  platform: Platform;
  date: string;
  metrics: Array<[DailyField, string]>;
  pageId: string | null;
  name: string | null;
  username: string | null;
  /** The account when no column names it (from the file or folder name). */
  fileAccount: {id: string; name: string} | null;
  /** Legacy Page Insights: row 2 repeats the header as long descriptions. */
  legacy: boolean;
  dayFirst: boolean;
  locale: NumberLocale;
}

/** Reads the header of a wide daily export into a context (pure). */
export function dailyContext(headers: readonly string[], options: Pick<DailyContext, "fileAccount" | "legacy" | "dayFirst" | "locale">): DailyContext {
  const metrics: DailyContext["metrics"] = [];
  for (const [field, spellings] of dailyFields) {
    const header = pickHeader(headers, spellings);
    if (header !== null) metrics.push([field, header]);
  }
  const pageId = pickHeader(headers, dailyAccountFields.page_id);
  const username = pickHeader(headers, dailyAccountFields.username);
  // Instagram's account exports speak of profiles and usernames; Pages (and legacy exports) are Facebook
  const instagram = !options.legacy && (username !== null || headers.some((header) => /profil|instagram/i.test(headerKey(header))));
  if (!pageId && !options.fileAccount) {
    throw new ParseError("no page or account id column and no page name in the file name: name it 'Facebook Insights Data Export - <Page> - <YYYY-MM-DD>.csv'");
  }
  return {
    platform: instagram ? "instagram" : "facebook",
    date: headers[0]!,
    metrics,
    pageId,
    name: pickHeader(headers, dailyAccountFields.name),
    username,
    ...options
  };
}

/** Maps one day of a wide daily export (pure). */
export function mapDailyRow(cells: Cells, context: DailyContext): Rows {
  if (Object.values(cells).every(blank)) return {skipped: {"empty row": 1}};
  const dateText = cells[context.date];
  if (context.legacy && blank(dateText) && Object.values(cells).some((value) => /[a-z]{3}/i.test(value))) {
    return {skipped: {"legacy description row": 1}};
  }
  const day = dayOf(dateText, context.dayFirst);
  if (!day) throw new ParseError(`unrecognised day ${JSON.stringify(dateText ?? "")}`, {field: context.date});
  const accountId = idCell(cells, context.pageId) ?? context.fileAccount?.id;
  if (!accountId) throw new ParseError("row without a page or account id", {field: context.pageId ?? undefined});
  const row: AccountDailyRow = {
    platform: context.platform, account_id: accountId, day, followers: null, follows_gained: null, follows_lost: null,
    impressions: null, reach: null, profile_visits: null, engagements: null
  };
  for (const [field, header] of context.metrics) row[field] = countCell(cells, header, context.locale);
  const name = (context.name ? str(cells[context.name]) : null) ?? (accountId === context.fileAccount?.id ? context.fileAccount.name : null);
  const handle = context.username ? str(cells[context.username])?.replace(/^@/, "") ?? null : null;
  return {
    account_daily: [row],
    accounts: [{platform: context.platform, account_id: accountId, handle, display_name: name, followers: null}]
  };
}

/**
 * The canonical column of a single-metric Business Suite export, from its title line ("Facebook follows",
 * "Copertura di Instagram"); null for metrics without one (link clicks, earnings).
 */
export function metricOfTitle(title: string): DailyField | null {
  const key = headerKey(title);
  if (/\b(unfollow|smesso di seguire|follower persi)/.test(key)) return "follows_lost";
  // Business Suite's daily series count follows gained that day, even when titled "followers"
  if (/\bfollow/.test(key)) return "follows_gained";
  if (/\b(reach|copertura|viewers|spettatori|account raggiunti|accounts reached)\b/.test(key)) return "reach";
  if (/\b(views|visualizzazioni|impressions|impressioni)\b/.test(key)) return "impressions";
  if (/\b(visits|visite)\b/.test(key)) return "profile_visits";
  if (/\b(interactions|interazioni|engagement)/.test(key)) return "engagements";
  return null;
}

/** Maps one `"<date>","<value>"` line of a single-metric export (pure). */
export function mapMetricCells(
  cells: string[],
  {field, platform, account, locale}: {field: DailyField; platform: Platform; account: {id: string; name: string}; locale: NumberLocale}
): Rows {
  const [dateText, value] = cells;
  const day = dayOf(dateText, false);
  if (!day) throw new ParseError(`unrecognised day ${JSON.stringify(dateText ?? "")}`, {field: "Date"});
  const row: AccountDailyRow = {
    platform, account_id: account.id, day, followers: null, follows_gained: null, follows_lost: null,
    impressions: null, reach: null, profile_visits: null, engagements: null
  };
  row[field] = countCell({Primary: value ?? ""}, "Primary", locale);
  return {account_daily: [row], accounts: [{platform, account_id: account.id, handle: null, display_name: account.name, followers: null}]};
}

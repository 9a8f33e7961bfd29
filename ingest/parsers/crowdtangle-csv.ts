import type {AccountDailyRow, AccountRow, AuthorRow, ItemRow, Platform, Rows} from "../canonical.ts";
import {counts, item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {csvRecords, headerCells} from "../readers/csv.ts";
import {hashtagsOf, id, isScientificId, mentionsOf, str} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";
import {facebookPostId, instagramShortcode, parseCount, parseCrowdTangleTime, reactionColumns, sumPresent} from "./crowdtangle-values.ts";
import {latestAccounts} from "./crowdtangle-accounts.ts";

type Cells = Record<string, string>;

const videoType = /video|reel|live|youtube|igtv/i;

/**
 * Maps one row of a CrowdTangle dashboard CSV (Facebook pages or groups, or Instagram) to canonical
 * rows (pure). Facebook item ids are `<pageId>_<postId>`, as the Graph API and the CrowdTangle API
 * write them; Instagram ones are the post's shortcode, the only id the CSV carries.
 */
export function mapCrowdTangleRow(cells: Cells, platform: Platform): Rows {
  const url = str(cells.URL);
  if (!url) throw new ParseError("post without URL", {field: "URL"});
  const created_at = parseCrowdTangleTime(String(cells["Post Created"] ?? cells.Created ?? ""));
  const followers = parseCount(cells["Followers at Posting"], "Followers at Posting");
  const handle = str(cells["User Name"]);
  let accountId: string;
  let itemId: string;
  let text: string | null;
  if (platform === "facebook") {
    const pageId = id(cells["Facebook Id"]);
    if (!pageId) throw new ParseError("post without Facebook Id", {field: "Facebook Id"});
    if (isScientificId(pageId)) throw new ParseError(`Facebook Id ${pageId} lost its digits to scientific notation (opened in a spreadsheet?)`, {field: "Facebook Id"});
    accountId = pageId;
    itemId = `${pageId}_${facebookPostId(url)}`;
    text = str(cells.Message);
  } else {
    if (!handle) throw new ParseError("Instagram post without User Name", {field: "User Name"});
    accountId = handle;
    itemId = instagramShortcode(url);
    text = str(cells.Description) ?? str(cells.Title);
  }
  // a group's CSV names the group, never the member who posted
  const isGroup = cells["Group Name"] !== undefined && cells["Page Name"] === undefined;
  const name = str(cells["Page Name"] ?? cells["Group Name"] ?? cells.Account);
  const row: ItemRow = {
    ...item(platform, itemId, "post", cells),
    account_id: accountId,
    author_id: isGroup ? null : accountId,
    created_at,
    text,
    root_id: itemId,
    url,
    hashtags: hashtagsOf(text),
    mentions: mentionsOf(text)
  };
  // Overperforming Score ("2,7", decimal comma) and Video Length (HH:MM:SS) are no counts: kept in raw
  const reactions = platform === "facebook" ? sumPresent(reactionColumns.map((column) => parseCount(cells[column], column))) : null;
  const viewsColumn = platform === "facebook" ? "Post Views" : "Views";
  const isVideo = videoType.test(cells.Type ?? "");
  const account: AccountRow = {platform, account_id: accountId, handle, display_name: name, followers};
  const author: AuthorRow = {platform, author_id: accountId, handle, name, followers};
  const daily: AccountDailyRow = {
    platform, account_id: accountId, day: created_at.slice(0, 10), followers,
    follows_gained: null, follows_lost: null, impressions: null, reach: null, profile_visits: null, engagements: null
  };
  return {
    items: [row],
    counts: counts(platform, itemId, [
      ["likes", "Likes", parseCount(cells.Likes, "Likes")],
      ["replies", "Comments", parseCount(cells.Comments, "Comments")],
      ["shares", "Shares", parseCount(cells.Shares, "Shares")],
      ["reactions", reactionColumns.join("+"), reactions],
      ["interactions", "Total Interactions", parseCount(cells["Total Interactions"], "Total Interactions")],
      // CrowdTangle writes 0 views for photos and links: only a video's views are a measurement
      ["views", viewsColumn, isVideo ? parseCount(cells[viewsColumn], viewsColumn) : null]
    ]),
    accounts: [account],
    authors: isGroup ? [] : [author],
    account_daily: followers === null ? [] : [daily]
  };
}

/** The export's own time, from its name: `2025-03-04-17-30-00-CET-search-csv-export.csv`. */
export function exportedAt(name: string): string | undefined {
  const m = /(?:^|\/)(\d{4}-\d{2}-\d{2})-(\d{2})-(\d{2})-(\d{2})-([A-Za-z]{2,5})-[^/]*\.csv$/i.exec(name);
  return m ? parseCrowdTangleTime(`${m[1]} ${m[2]}:${m[3]}:${m[4]} ${m[5]}`) : undefined;
}

/** Facebook or Instagram, from the header; null when the CSV is not a CrowdTangle export. */
export function crowdTanglePlatform(header: string[]): Platform | null {
  const has = (name: string) => header.includes(name);
  const isCrowdTangle = has("URL") && has("Type") && (has("Post Created") || has("Created")) &&
    (has("Followers at Posting") || has("Likes at Posting"));
  if (!isCrowdTangle) return null;
  return has("Facebook Id") ? "facebook" : has("Account") && has("User Name") ? "instagram" : null;
}

/** CrowdTangle dashboard CSV export (historical, the service closed in August 2024). */
export const crowdtangleCsv: Parser = {
  name: "crowdtangle-csv",
  platform: "facebook",
  detect: ({name, head}) => /\.csv$/i.test(name) && crowdTanglePlatform(headerCells(head)) !== null,
  async *parse(file) {
    const exported_at = exportedAt(file.innerPath);
    if (exported_at) yield {exported_at};
    const latest = latestAccounts();
    let platform: Platform | null = null;
    const rows = mapRecords(file, csvRecords(file), (cells: Cells) => {
      platform ??= crowdTanglePlatform(Object.keys(cells));
      if (!platform) throw new ParseError("not a CrowdTangle CSV header");
      return latest.keep(mapCrowdTangleRow(cells, platform));
    });
    for await (const batch of rows) yield batch;
    yield latest.rows();
  }
};

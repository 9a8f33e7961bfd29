import type {AccountDailyRow, ItemRow, Platform, Rows} from "../canonical.ts";
import {counts, item} from "../canonical.ts";
import {mapRecords, type Parser} from "../parser.ts";
import {streamJsonArray} from "../readers/json.ts";
import {readHead} from "../source-file.ts";
import {hashtagsOf, id, mentionsOf, num, parseIsoDate, str} from "../values.ts";
import {ParseError} from "../../lib/errors.ts";
import {instagramShortcode, reactionStatistics, sumPresent} from "./crowdtangle-values.ts";
import {latestAccounts} from "./crowdtangle-accounts.ts";

type Json = Record<string, any>;

/**
 * Maps one post of a CrowdTangle API response (`/posts`, `/posts/search`) to canonical rows (pure).
 * Ids agree with the CSV parser: Facebook `platformId` (`<pageId>_<postId>`), Instagram the shortcode
 * of `postUrl`, and Instagram accounts by handle (the CSV has no numeric id).
 */
export function mapCrowdTanglePost(post: Json): Rows {
  const platform = platformOf(post.platform ?? post.account?.platform);
  const account: Json = post.account ?? {};
  const url = str(post.postUrl);
  const itemId = platform === "facebook" ? id(post.platformId) : url ? instagramShortcode(url) : null;
  if (!itemId) throw new ParseError("post without platformId or postUrl", {field: platform === "facebook" ? "platformId" : "postUrl"});
  const accountId = platform === "facebook" ? id(account.platformId) : str(account.handle);
  if (!accountId) throw new ParseError("post without account", {field: "account"});
  if (!str(post.date)) throw new ParseError("post without date", {field: "date"});
  // the API's dates are UTC without a marker
  const created_at = parseIsoDate(String(post.date), {zone: "UTC"});
  const text = str(post.message) ?? (platform === "instagram" ? str(post.description) : null);
  const row: ItemRow = {
    ...item(platform, itemId, "post", post),
    account_id: accountId,
    author_id: accountId,
    created_at,
    text,
    lang_hint: str(post.languageCode),
    root_id: itemId,
    url,
    hashtags: hashtagsOf(text),
    mentions: mentionsOf(text),
    media_count: Array.isArray(post.media) ? post.media.length : null
  };
  const actual: Json = post.statistics?.actual ?? {};
  const followersThen = num(post.subscriberCount);
  const daily: AccountDailyRow[] = followersThen === null ? [] : [{
    platform, account_id: accountId, day: created_at.slice(0, 10), followers: followersThen,
    follows_gained: null, follows_lost: null, impressions: null, reach: null, profile_visits: null, engagements: null
  }];
  const handle = str(account.handle);
  const name = str(account.name);
  const followers = num(account.subscriberCount);
  return {
    items: [row],
    counts: counts(platform, itemId, [
      platform === "facebook" ? ["likes", "likeCount", num(actual.likeCount)] : ["likes", "favoriteCount", num(actual.favoriteCount ?? actual.likeCount)],
      ["replies", "commentCount", num(actual.commentCount)],
      ["shares", "shareCount", num(actual.shareCount)],
      ["reactions", reactionStatistics.join("+"), platform === "facebook" ? sumPresent(reactionStatistics.map((key) => num(actual[key]))) : null]
    ]),
    accounts: [{platform, account_id: accountId, handle, display_name: name, followers}],
    authors: [{platform, author_id: accountId, handle, name, followers}],
    account_daily: daily
  };
}

function platformOf(value: unknown): Platform {
  const name = String(value ?? "").toLowerCase();
  if (name === "facebook" || name === "instagram") return name;
  throw new ParseError(`unsupported CrowdTangle platform ${JSON.stringify(value ?? null)}`, {field: "platform"});
}

const wrapped = /^\s*\{[\s\S]{0,200}"result"\s*:\s*\{[\s\S]*?"posts"\s*:\s*\[/;
const bareArray = /^\s*\[\s*\{/;
const postFields = (head: string) => /"platformId"\s*:/.test(head) && /"postUrl"\s*:/.test(head) && /"statistics"\s*:/.test(head);

/** CrowdTangle API JSON: one `/posts` response page, or an array of its posts. */
export const crowdtangleApi: Parser = {
  name: "crowdtangle-api",
  platform: "facebook",
  detect: ({name, head}) => /\.json$/i.test(name) && (wrapped.test(head) || bareArray.test(head)) && postFields(head),
  async *parse(file) {
    const latest = latestAccounts();
    const head = new TextDecoder().decode(await readHead(file, 4096)).replace(/^\uFEFF/, "");
    const records = streamJsonArray(file, wrapped.test(head) ? {path: "result.posts"} : {});
    yield* mapRecords(file, records, (post) => latest.keep(mapCrowdTanglePost(post as Json)));
    yield latest.rows();
  }
};

/** `ascolto collect <platform>`: fetches citizens' comments from the platforms' APIs into the inbox. */
import {resolve} from "node:path";
import type {Command} from "commander";
import {facebookSource} from "./facebook.ts";
import {collectExitCodes, CollectError} from "./http.ts";
import {instagramSource} from "./instagram.ts";
import {mastodonSource} from "./mastodon.ts";
import {collect, type CollectReport, type Source} from "./run.ts";
import {youtubeSource} from "./youtube.ts";
import {ConfigError} from "../../lib/errors.ts";

interface CommonOptions {
  inbox: string;
  since?: string;
  maxPages?: string;
  maxRequests?: string;
}

/** Registers `collect facebook|instagram|youtube|mastodon`. */
export function collectCommand(program: Command): void {
  const command = program
    .command("collect")
    .description("download posts and citizens' comments from the platforms' APIs into the inbox, ready for `ingest`");
  const verb = (name: string, description: string) =>
    command
      .command(name)
      .description(description)
      .option("--inbox <dir>", "folder the response files go to", "data/inbox")
      .option("--since <date>", "only posts published since: YYYY-MM-DD, or a number of days like 30d")
      .option("--max-pages <n>", "pages per listing (a feed, a comment thread)", "1000")
      .option("--max-requests <n>", "requests in this run; the next run resumes", "20000");
  verb("facebook", "a Page's feed and its comments (Graph API, token in ASCOLTO_META_TOKEN)")
    .requiredOption("--page <id>", "the Page id")
    .action((options: CommonOptions & {page: string}) => run((since) => facebookSource({page: options.page, since}), options));
  verb("instagram", "an Instagram professional account's media and comments (Graph API, token in ASCOLTO_META_TOKEN)")
    .requiredOption("--user <id>", "the Instagram user id (ig-user-id)")
    .action((options: CommonOptions & {user: string}) => run((since) => instagramSource({user: options.user, since}), options));
  verb("youtube", "a channel's uploads and their comments (Data API v3, key in ASCOLTO_YOUTUBE_KEY)")
    .requiredOption("--channel <id>", "the channel id (UC…)")
    .action((options: CommonOptions & {channel: string}) => run((since) => youtubeSource({channel: options.channel, since}), options));
  verb("mastodon", "an account's statuses and the replies to them (public API, no token)")
    .requiredOption("--account <acct>", "user@instance")
    .option("--instance <url>", "the instance's base URL (default https://<instance>)")
    .action((options: CommonOptions & {account: string; instance?: string}) =>
      run((since) => mastodonSource({account: options.account, instance: options.instance, since}), options));
}

async function run(make: (since: Date | null) => Source, options: CommonOptions): Promise<void> {
  const source = make(parseSince(options.since));
  try {
    const report = await collect(source, {
      inbox: resolve(options.inbox),
      maxPages: positive(options.maxPages, "--max-pages"),
      maxRequests: positive(options.maxRequests, "--max-requests"),
      log: (message) => console.error(message)
    });
    console.log(summaryOf(report));
    process.exitCode = collectExitCodes.ok;
  } catch (error) {
    if (!(error instanceof CollectError)) throw error;
    console.error(`ascolto collect ${source.platform} ${source.source}: ${error.message}`);
    console.error("the state file keeps where it stopped: the next run resumes from there");
    process.exitCode = collectExitCodes[error.reason];
  }
}

export function summaryOf(report: CollectReport): string {
  const state = report.complete ? "complete" : "incomplete (run again to continue)";
  return `collect ${report.platform} ${report.source}: ${report.files.length} files written, ${report.skipped} listings skipped, ${report.requests} requests; run ${report.run} ${state}`;
}

/** `YYYY-MM-DD` (midnight UTC) or `<n>d` days back from now. */
export function parseSince(value: string | undefined, now = new Date()): Date | null {
  if (!value) return null;
  const days = /^(\d+)d$/.exec(value);
  if (days) return new Date(now.getTime() - Number(days[1]) * 86_400_000);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return new Date(`${value}T00:00:00Z`);
  throw new ConfigError(`--since "${value}" is neither YYYY-MM-DD nor a number of days like 30d`);
}

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${flag} "${value}" is not a positive whole number`);
  return n;
}

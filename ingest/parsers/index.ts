import type {Parser} from "../parser.ts";
import {xArchive} from "./x-archive.ts";
import {xGrailbird} from "./x-grailbird.ts";
import {xApiV2} from "./x-api-v2.ts";
import {xApiV1} from "./x-api-v1.ts";
import {xTwarcCsv} from "./x-twarc-csv.ts";
import {metaInsightsCsv} from "./meta-insights-csv.ts";
import {metaParsers} from "./meta-parsers.ts";
import {csvMapped} from "./csv-mapped.ts";
import {crowdtangleCsv} from "./crowdtangle-csv.ts";
import {crowdtangleApi} from "./crowdtangle-api.ts";
import {facepagerCsv} from "./facepager-csv.ts";
import {whatsappChat} from "./whatsapp-chat.ts";
import {tiktokDyi} from "./tiktok-dyi.ts";
import {youtubeApi} from "./youtube-api.ts";
import {youtubeTakeoutCsv} from "./youtube-takeout-csv.ts";
import {telegramDesktop} from "./telegram-desktop.ts";
import {mastodonArchive} from "./mastodon-archive.ts";
import {mastodonApi} from "./mastodon-api.ts";

/** Every known export format, most specific first: the first whose `detect` says yes owns the file. */
export const parsers: Parser[] = [
  // a mapping file beside a CSV is the user saying what it is: it wins over any guess from content
  csvMapped,
  xArchive,
  xGrailbird,
  xApiV2,
  xApiV1,
  xTwarcCsv,
  metaInsightsCsv,
  ...metaParsers,
  crowdtangleCsv,
  crowdtangleApi,
  tiktokDyi,
  youtubeApi,
  youtubeTakeoutCsv,
  telegramDesktop,
  mastodonArchive,
  mastodonApi,
  facepagerCsv,
  whatsappChat
];

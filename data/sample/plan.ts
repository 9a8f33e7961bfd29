/** Which exports each comune's sample holds: every format in its true shape, spread over the three. */
import type {SampleFile, WriteContext} from "./output.ts";
import type {ComuneWorld} from "./world.ts";
import {writeXArchive} from "./write-x-archive.ts";
import {writeXv2} from "./write-x-v2.ts";
import {writeXv1} from "./write-x-v1.ts";
import {writeFacebookGraph, writeInstagramGraph} from "./write-meta-graph.ts";
import {writeFacebookDyi, writeInstagramDyi} from "./write-meta-dyi.ts";
import {writeBusinessSuiteCsv, writePageInsightsCsv} from "./write-meta-csv.ts";
import {writeTikTok} from "./write-tiktok.ts";
import {writeYouTube} from "./write-youtube.ts";
import {writeTelegram} from "./write-telegram.ts";

/** The earlier Graph snapshot fetched the posts since 1 April only: it overlaps the later full one. */
export function writeComune(context: WriteContext, comune: ComuneWorld): SampleFile[] {
  const {world} = context;
  const graph = [...writeFacebookGraph(context, comune, world.snapshotAt, "2025-06-15", {since: Date.parse("2025-03-31T22:00:00Z")}), ...writeFacebookGraph(context, comune, world.exportAt, "2025-06-30")];
  switch (comune.spec.entity_id) {
    case "borgoverde":
      return [
        writeXArchive(context, comune), ...writeXv2(context, comune), ...graph, writeBusinessSuiteCsv(context, comune, "it"),
        writePageInsightsCsv(context, comune), ...writeInstagramGraph(context, comune, world.exportAt), writeTikTok(context, comune),
        ...writeYouTube(context, comune), writeTelegram(context, comune)
      ];
    case "valdoria":
      return [
        writeXv1(context, comune), ...graph, writeFacebookDyi(context, comune), writeBusinessSuiteCsv(context, comune, "en"),
        writePageInsightsCsv(context, comune), ...writeInstagramDyi(context, comune)
      ];
    default:
      return [writeXArchive(context, comune), ...graph, writePageInsightsCsv(context, comune)];
  }
}

import {describe, expect, it} from "vitest";
import {metaInsightsCsv} from "../../../ingest/parsers/meta-insights-csv.ts";
import {metricOfTitle} from "../../../ingest/parsers/meta-insights-daily.ts";
import {shapeOf} from "../../../ingest/parsers/meta-insights-headers.ts";

const detect = (head: string, name = "export.csv") => metaInsightsCsv.detect({name, head});

describe("meta-insights-csv detection", () => {
  it.each([
    ["Instagram posts", "Post ID,Account ID,Account username,Account name,Description,Duration (sec),Publish time,Permalink,Post type,Data comment,Date,Views,Reach,Likes,Shares,Follows,Comments,Saves\r\n"],
    ["Facebook posts", "Post ID,Page ID,Page name,Title,Description,Duration (sec),Publish time,Caption type,Permalink,Is crosspost,Is share,Post type,Languages,Custom labels,Funded content status,Data comment,Date,Views,Reach\n"],
    ["Facebook videos", "Video asset ID,Page ID,Page name,Title,Duration (sec),Publish time,Reach,3-second video views,1-minute video views,Reactions,Comments,Shares\n"],
    ["Italian Instagram posts", "ID del post,ID account,Nome utente dell'account,Nome account,Descrizione,Durata (s),Orario di pubblicazione,Permalink,Tipo di post,Data,Visualizzazioni,Copertura,Mi piace,Condivisioni,Commenti,Salvataggi\n"],
    ["Italian Excel re-save", "ID del post;ID della Pagina;Nome della Pagina;Titolo;Orario di pubblicazione;Permalink;Copertura\r\n"],
    ["legacy post level", "Post ID,Permalink,Post Message,Type,Countries,Languages,Posted,Audience Targeting,Lifetime Post Total Reach\n"],
    ["legacy page level", "Date,Lifetime Total Likes,Daily New Likes,Daily Unlikes,Daily Page Engaged Users\n"],
    ["Italian wide daily", "Data;ID della Pagina;Follower;Nuovi follower;Copertura;Impressioni;Visite alla Pagina\n"],
    ["single metric (UTF-16 probed as UTF-8)", "\uFFFD\uFFFD" + 's\u0000e\u0000p\u0000=\u0000,\u0000\r\u0000\n\u0000"\u0000V\u0000i\u0000e\u0000w\u0000s\u0000"\u0000\r\u0000\n\u0000"\u0000D\u0000a\u0000t\u0000e\u0000"\u0000,\u0000"\u0000P\u0000r\u0000i\u0000m\u0000a\u0000r\u0000y\u0000"\u0000'],
    ["single metric (UTF-8)", 'sep=,\n"Copertura"\n"Data","Primary"\n"2024-03-01T00:00:00","12"\n']
  ])("claims %s", (_, head) => {
    expect(detect(head)).toBe(true);
  });

  it.each([
    ["CrowdTangle", "Page Name,User Name,Facebook Id,Page Category,Page Admin Top Country,Page Description,Page Created,Likes at Posting,Followers at Posting,Post Created,Post Created Date,Post Created Time,Type,Total Interactions,Likes,Comments,Shares,Post Views,URL,Message,Link\n"],
    ["Facepager", '"level";"id";"parent_id";"object_id";"object_type";"object_key";"query_status";"query_time";"query_type";"message";"created_time"\n'],
    ["twarc-csv", "id,conversation_id,referenced_tweets.replied_to.id,author_id,in_reply_to_user_id,created_at,text,lang,public_metrics.like_count\n"],
    ["YouTube Takeout comments", "Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Post ID,Video ID,Comment Text\n"],
    ["X account analytics", "Date,Tweets published,impressions,engagements,engagement rate,retweets,replies,likes,user profile clicks,follows\n"],
    ["X tweet activity", "Tweet id,Tweet permalink,Tweet text,time,impressions,engagements\n"],
    ["TikTok overview", "Date,Video Views,Profile Views,Likes,Comments,Shares\n"],
    ["YouTube Studio (Italian)", "Contenuto,Titolo video,Ora pubblicazione video,Durata,Visualizzazioni\n"],
    ["an empty file", ""]
  ])("leaves %s alone", (_, head) => {
    expect(detect(head)).toBe(false);
  });

  it("takes a legacy page export with few period columns only under its file name", () => {
    const head = "Date,Lifetime Total Likes,Custom\n";
    expect(shapeOf(["Date", "Lifetime Total Likes", "Custom"], "x.csv")).toBeNull();
    expect(detect(head, "in/Facebook Insights Data Export - Comune di Esempio - 2024-03-31.csv")).toBe(true);
  });
});

describe("metricOfTitle", () => {
  it.each([
    ["Facebook follows", "follows_gained"], ["Instagram followers", "follows_gained"], ["Follow su Instagram", "follows_gained"],
    ["Unfollows", "follows_lost"], ["Reach", "reach"], ["Copertura", "reach"], ["Viewers", "reach"],
    ["Views", "impressions"], ["Visualizzazioni", "impressions"], ["Facebook visits", "profile_visits"],
    ["Visite al profilo di Instagram", "profile_visits"], ["Content interactions", "engagements"],
    ["Interazioni con i contenuti", "engagements"], ["Facebook link clicks", null], ["Clic sul link", null]
  ])("%s → %s", (title, field) => {
    expect(metricOfTitle(title)).toBe(field);
  });
});

/** TikTok "Download your data" JSON (user_data_tiktok.json): profile, own videos, own comments, fans. */
import type {SampleFile, WriteContext} from "./output.ts";
import type {ComuneWorld} from "./world.ts";
import {countAt} from "./world.ts";
import {bio} from "./comuni.ts";
import {spaced} from "./time.ts";

export function writeTikTok(context: WriteContext, comune: ComuneWorld): SampleFile {
  const {spec} = comune;
  const account = spec.accounts.tiktok!;
  const rnd = context.rnd.fork(`tiktok:${spec.entity_id}`);
  const {exportAt} = context.world;
  const videos = comune.posts.filter((p) => p.platform === "tiktok").sort((a, b) => b.at - a.at);
  const videoList = videos.map((v) => ({
    Date: spaced(v.at), Link: `https://www.tiktokv.com/share/video/${v.id}/`, Likes: String(countAt(v.final.likes, v.at, exportAt)),
    WhoCanView: "Everyone", AllowComments: "Yes", AllowStitches: "No", AllowDuets: "No", AllowStickers: "Yes", AllowSharingToStory: "Yes",
    ContentDisclosure: "", AIGeneratedContent: "No", Sound: `suono originale - ${account.handle}`, Location: "N/A",
    Title: rnd.chance(0.2) ? "N/A" : v.text.split("\n")[0]!.slice(0, 150), AddYoursText: "N/A", AlternativeText: "N/A",
    Cover: `https://p16-sign-va.tiktokcdn.com/obj/${rnd.chars(32, "0123456789abcdef")}`
  }));
  // the comune answering under its own videos: the only comments a TikTok download holds
  const comments = videos.flatMap((v) => Array.from({length: rnd.poisson(1.2)}, (_, i) => ({
    date: spaced(v.at + (i + 1) * rnd.int(30, 600) * 60_000),
    comment: rnd.pick(["Grazie a tutti per la partecipazione! 🙏", "Tutte le info sul sito del Comune", "Ci vediamo in piazza!", "Scriveteci in privato per le segnalazioni", "👏👏"]),
    photo: "N/A", url: ""
  }))).filter((c) => Date.parse(`${c.date.replace(" ", "T")}Z`) < exportAt).sort((a, b) => b.date.localeCompare(a.date));
  const fans = Array.from({length: 60}, (_, i) => ({Date: spaced(Date.parse("2025-06-29T20:00:00Z") - i * 7_200_000), UserName: comune.citizens[i]!.handle.replace(/\./g, "_")}));
  const data = {
    "Ads and data": {"Ad Interests": {ChosenAd: "N/A"}, "Off TikTok Activity": {OffTikTokActivityDataList: []}},
    "App Settings": {Settings: {SettingsMap: {"Allow DownLoad": "Off", "Private Account": "Off", "Suggest your account to others": "On"}}},
    Comment: {Comments: {CommentsList: comments}},
    "Direct Message": {"Direct Messages": {ChatHistory: {}}},
    "Income Plus Wallet Transactions": {TransactionHistoryList: null},
    "Location Review": {LocationReviews: null},
    Post: {Posts: {VideoList: videoList}},
    Profile: {"Profile Info": {ProfileMap: {
      bioDescription: `Canale ufficiale del ${spec.name}. ${bio}`, birthDate: "N/A", emailAddress: "N/A",
      followerCount: account.followers, followingCount: 12, likesReceived: String(videoList.reduce((n, v) => n + Number(v.Likes), 0)),
      profilePhoto: "N/A", telephoneNumber: "N/A", userName: account.handle
    }}},
    "TikTok Shop": {"Current Payment Information": {PayCard: null}},
    "Tiktok Live": {"Go Live History": {GoLiveList: null}},
    "Your Activity": {
      Follower: {FansList: fans},
      Following: {Following: []},
      "Like List": {ItemFavoriteList: []},
      "Watch History": {VideoList: [{Date: "2025-06-29 18:00:00", Link: "https://www.tiktokv.com/share/video/7500000000000000001/"}]}
    }
  };
  return {path: `tiktok/${spec.entity_id}/user_data_tiktok.json`, data: JSON.stringify(data, null, 2), format: "tiktok-dyi", platform: "tiktok", entity: spec.entity_id};
}

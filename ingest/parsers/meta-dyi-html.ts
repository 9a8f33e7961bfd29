import type {Parser} from "../parser.ts";
import {ParseError} from "../../lib/errors.ts";

/**
 * The data files of Facebook's and Instagram's "Download Your Information" when HTML was chosen instead of
 * JSON. Only these few are named, so a download gives a handful of clear rejections, not one per page.
 */
const dataPages = /(^|\/)(your_posts\w*|comments|profile_information|posts_\d+|post_comments(_\d+)?|reels_comments|followers(_\d+)?|personal_information)\.html?$/i;

/** Refuses Meta's HTML download with the way to get the JSON one. */
export const metaDyiHtml: Parser = {
  name: "meta-dyi-html",
  platform: "facebook",
  inert: dataPages,
  detect: ({name, head}) => dataPages.test(name) && /<(!doctype html|html)[\s>]/i.test(head),
  async *parse(file) {
    throw new ParseError(
      "this is Meta's HTML download, which holds no data ascolto can read: download your information again " +
      "choosing format JSON (Accounts Center → Your information and permissions → Download your information)",
      {file: file.path}
    );
  }
};

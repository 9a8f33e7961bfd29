import type {Parser} from "../parser.ts";
import {facebookDyi} from "./facebook-dyi.ts";
import {facebookGraph} from "./facebook-graph.ts";
import {instagramDyi} from "./instagram-dyi.ts";
import {instagramGraph} from "./instagram-graph.ts";
import {metaDyiHtml} from "./meta-dyi-html.ts";

/** Facebook and Instagram formats, registered together; their detectors do not overlap. */
export const metaParsers: Parser[] = [metaDyiHtml, facebookDyi, instagramDyi, facebookGraph, instagramGraph];

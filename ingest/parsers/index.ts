import type {Parser} from "../parser.ts";
import {xArchive} from "./x-archive.ts";

/** Every known export format, most specific first: the first whose `detect` says yes owns the file. */
export const parsers: Parser[] = [
  xArchive
];

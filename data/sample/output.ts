/** What each writer returns: files for the sample folder, tagged with the format they are in. */
import type {Random} from "./random.ts";
import type {ComuneWorld, World} from "./world.ts";
import type {Person} from "./people.ts";
import {personId} from "./people.ts";
import type {SamplePlatform} from "./comuni.ts";

export interface SampleFile {
  /** Relative to the output folder, '/'-separated. */
  path: string;
  data: string | Buffer;
  /** The parser expected to read it (source_files.format); "context": read only beside another file. */
  format: string;
  platform: SamplePlatform;
  entity: string;
}

export interface WriteContext {
  world: World;
  /** Root of the per-person id streams and of writer-local choices (t.co codes, ...). */
  rnd: Random;
}

/** Id of a citizen on a platform, or the comune's own account id. */
export function authorId(context: WriteContext, comune: ComuneWorld, person: Person | null, platform: SamplePlatform): string {
  if (person) return personId(context.rnd.fork("people"), person, platform);
  const account = comune.spec.accounts[platform as "x"];
  return account.id;
}

/** JSON with every non-ASCII character escaped as \uXXXX (as Python's json.dumps writes it). */
export function asciiJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

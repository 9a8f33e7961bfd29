import {createReadStream, readdirSync, statSync} from "node:fs";
import {basename, join, posix} from "node:path";
import {Readable} from "node:stream";
import {ParseError} from "../lib/errors.ts";
import {openZip, zipLimits, type ZipArchive} from "./readers/zip.ts";

/** One file offered to ingest: on disk, or an entry of a zip archive (possibly nested). */
export interface SourceFile {
  /** Where it came from, shown in reports: `/in/archive.zip!data/tweets.js` for a zip entry. */
  path: string;
  /** Path inside its container (folder or zip), with '/' separators. */
  innerPath: string;
  bytes: number;
  mtime: Date | null;
  stream(): Readable;
  /** Another file of the same folder tree or archive whose base name matches, nearest first. */
  sibling(name: string | RegExp): SourceFile | null;
  /** Why the file cannot be opened at all (a broken or refused zip): ingest rejects it with this reason. */
  error?: Error;
}

interface Container {
  files: SourceFile[];
}

/** Expands files, folders and zip archives (zips inside zips too) into the files they hold. */
export async function expandPaths(paths: string[]): Promise<{files: SourceFile[]; close(): void}> {
  const archives: ZipArchive[] = [];
  const files: SourceFile[] = [];
  for (const path of paths) {
    const stat = statSync(path);
    const container: Container = {files: []};
    const entries = stat.isDirectory() ? walk(path) : [path];
    for (const entry of entries) {
      const inner = stat.isDirectory() ? posix.normalize(entry.slice(path.length + 1).split("\\").join("/")) : basename(entry);
      const file = diskFile(entry, inner, container);
      if (isZip(file.innerPath)) container.files.push(...(await expandZip(file, archives)));
      else container.files.push(file);
    }
    files.push(...container.files);
  }
  return {files, close: () => archives.forEach((archive) => archive.close())};
}

function diskFile(path: string, innerPath: string, container: Container): SourceFile {
  const stat = statSync(path);
  return {
    path, innerPath, bytes: stat.size, mtime: stat.mtime,
    stream: () => createReadStream(path),
    sibling: (name) => findSibling(container, innerPath, name)
  };
}

async function expandZip(file: SourceFile, archives: ZipArchive[], depth = 1): Promise<SourceFile[]> {
  let archive: ZipArchive;
  try {
    // a zip inside a zip is read into memory, and a zip can contain itself (a "quine"): both are bounded
    if (depth > zipLimits.maxDepth) throw new ParseError(`zip nested more than ${zipLimits.maxDepth} deep: refused`, {file: file.path});
    if (depth > 1 && file.bytes > zipLimits.maxNestedBytes) {
      throw new ParseError(`zip inside a zip too large to open (${file.bytes} bytes): unzip the outer archive first`, {file: file.path});
    }
    archive = await openZip(file);
  } catch (error) {
    // one unreadable archive is one rejected file, never the end of the whole ingest
    return [{...file, error: error as Error}];
  }
  archives.push(archive);
  const container: Container = {files: []};
  for (const entry of archive.entries) {
    const member: SourceFile = {
      path: `${file.path}!${entry.name}`,
      innerPath: entry.name,
      bytes: entry.bytes,
      mtime: entry.mtime,
      stream: () => archive.stream(entry),
      sibling: (name) => findSibling(container, entry.name, name)
    };
    if (isZip(entry.name)) container.files.push(...(await expandZip(member, archives, depth + 1)));
    else container.files.push(member);
  }
  return container.files;
}

function findSibling(container: Container, from: string, name: string | RegExp): SourceFile | null {
  const matches = container.files.filter((file) => {
    const base = posix.basename(file.innerPath);
    return typeof name === "string" ? base === name : name.test(base);
  });
  const dir = posix.dirname(from);
  // nearest first: the same folder, then the one sharing the longest path prefix
  const score = (file: SourceFile) => commonPrefix(posix.dirname(file.innerPath), dir);
  return matches.sort((a, b) => score(b) - score(a))[0] ?? null;
}

function commonPrefix(a: string, b: string): number {
  const left = a.split("/");
  const right = b.split("/");
  let n = 0;
  while (n < left.length && left[n] === right[n]) n++;
  return n;
}

function isZip(name: string): boolean {
  return /\.zip$/i.test(name);
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** The first `limit` bytes of a file, for format detection. */
export async function readHead(file: SourceFile, limit = 64 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  const stream = file.stream();
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= limit) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

/** The whole file; for the small files of a multi-file export (account.js, manifest.js). */
export async function readAll(file: SourceFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

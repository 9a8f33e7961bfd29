import {Readable} from "node:stream";
import yauzl from "yauzl";
import {ParseError} from "../../lib/errors.ts";
import {readAll, type SourceFile} from "../source-file.ts";

export interface ZipEntry {
  name: string;
  bytes: number;
  mtime: Date | null;
  raw: yauzl.Entry;
}

export interface ZipArchive {
  entries: ZipEntry[];
  stream(entry: ZipEntry): Readable;
  close(): void;
}

/**
 * Limits against zip bombs: total unpacked size, and unpacked/packed ratio of one entry; zips inside
 * zips: how deep, and how large (a nested zip is read into memory).
 */
export const zipLimits = {maxTotalBytes: 64 * 1024 ** 3, maxRatio: 200, maxDepth: 3, maxNestedBytes: 1024 ** 3};

/** Opens a zip (on disk or nested inside another) and lists its file entries, safely named. */
export async function openZip(file: SourceFile): Promise<ZipArchive> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    const done = (error: Error | null, zip?: yauzl.ZipFile) => (error || !zip ? reject(error) : resolve(zip));
    const options = {lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true};
    if (!file.path.includes("!")) yauzl.open(file.path, options, done);
    else readAll(file).then((buffer) => yauzl.fromBuffer(buffer, options, done), reject);
  }).catch((error: Error) => {
    throw new ParseError(`not a readable zip archive (${error.message})`, {file: file.path});
  });
  const entries = await listEntries(zip, file.path);
  return {
    entries,
    stream: (entry) => openEntry(zip, entry.raw, `${file.path}!${entry.name}`),
    close: () => zip.close()
  };
}

function listEntries(zip: yauzl.ZipFile, path: string): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: ZipEntry[] = [];
    let total = 0;
    zip.on("entry", (entry: yauzl.Entry) => {
      const name = entry.fileName;
      if (/\/$/.test(name) || /(^|\/)(__MACOSX|\.DS_Store)/.test(name)) return zip.readEntry();
      if (name.startsWith("/") || name.split("/").includes("..")) {
        return reject(new ParseError(`zip entry ${JSON.stringify(name)} tries to escape the archive`, {file: path}));
      }
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (total > zipLimits.maxTotalBytes || (entry.uncompressedSize > 1024 ** 2 && ratio > zipLimits.maxRatio)) {
        return reject(new ParseError(`zip entry ${name} unpacks too large (${entry.uncompressedSize} bytes, ratio ${ratio.toFixed(0)}): refused as a possible zip bomb`, {file: path}));
      }
      entries.push({name, bytes: entry.uncompressedSize, mtime: entry.getLastModDate(), raw: entry});
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    // yauzl's own checks (unsafe names such as "../x", bad sizes) land here
    zip.on("error", (error: Error) => reject(new ParseError(`zip refused (${error.message})`, {file: path})));
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, path: string): Readable {
  const out = new Readable({read() {}});
  zip.openReadStream(entry, (error, stream) => {
    if (error || !stream) return out.destroy(new ParseError(`cannot read zip entry (${error?.message})`, {file: path}));
    stream.on("data", (chunk: Buffer) => { if (!out.push(chunk)) stream.pause(); });
    out._read = () => stream.resume();
    stream.on("end", () => out.push(null));
    stream.on("error", (err) => out.destroy(err));
    out.on("close", () => stream.destroy());
  });
  return out;
}

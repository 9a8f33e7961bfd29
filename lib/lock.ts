import {closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync} from "node:fs";
import {hostname} from "node:os";
import {exitCodes} from "./exit-codes.ts";

/** Who holds the warehouse: written into `<warehouse>.lock` as JSON. */
export interface LockInfo {
  pid: number;
  host: string;
  verb: string;
  started_at: string;
}

/** The warehouse is held by another live process: nothing was done. */
export class LockError extends Error {
  readonly exitCode = exitCodes.locked;
  constructor(readonly holder: LockInfo, readonly path: string) {
    const where = holder.host === hostname() ? "" : ` on ${holder.host}`;
    super(`another ascolto ${holder.verb} holds the warehouse since ${holder.started_at} (pid ${holder.pid}${where}); ` +
      `nothing was done. If that process is gone, delete ${path}`);
    this.name = "LockError";
  }
}

export interface Lock {
  path: string;
  release(): void;
}

/** The lock file of a warehouse: beside it, so it travels with it and needs no configuration. */
export function lockPath(warehouse: string): string {
  return `${warehouse}.lock`;
}

const held = new Map<string, {depth: number; token: string}>();

/**
 * Takes the warehouse's lock or throws LockError naming the holder. The file is created with O_EXCL,
 * so two processes can never both succeed; a lock whose process is gone (killed, power cut) is stale
 * and taken over. Re-entrant within one process (a verb that calls another).
 */
export function acquireLock(warehouse: string, {verb = "run", now = new Date()}: {verb?: string; now?: Date} = {}): Lock {
  const path = lockPath(warehouse);
  const mine = held.get(path);
  if (mine) {
    mine.depth++;
    return {path, release: () => release(path)};
  }
  const info: LockInfo = {pid: process.pid, host: hostname(), verb, started_at: now.toISOString()};
  const token = JSON.stringify(info);
  if (!create(path, token)) {
    const holder = readLock(path);
    if (holder && !isStale(holder)) throw new LockError(holder, path);
    takeOver(path, token);
  }
  held.set(path, {depth: 1, token});
  return {path, release: () => release(path)};
}

/** Runs `fn` holding the warehouse's lock, released however `fn` ends. */
export async function withLock<T>(warehouse: string, verb: string, fn: () => Promise<T>): Promise<T> {
  const lock = acquireLock(warehouse, {verb});
  try {
    return await fn();
  } finally {
    lock.release();
  }
}

/** The lock's content, or null when there is no lock (or it is unreadable: a crash while writing it). */
export function readLock(path: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(path, "utf8")) as LockInfo;
    return typeof info.pid === "number" ? info : null;
  } catch {
    return null;
  }
}

/** A lock is stale when its process is gone; one taken on another machine is never judged stale here. */
export function isStale(info: LockInfo): boolean {
  if (info.host !== hostname()) return false;
  try {
    process.kill(info.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to another user
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Releases every lock this process holds; for exit and signal handlers. */
export function releaseAll(): void {
  for (const path of [...held.keys()]) {
    held.get(path)!.depth = 1;
    release(path);
  }
}

function create(path: string, token: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, token);
  } finally {
    closeSync(fd);
  }
  return true;
}

// Two processes may find the same stale lock: a second O_EXCL file serialises the take-over, so one
// cannot delete the fresh lock the other has just written.
function takeOver(path: string, token: string): void {
  const guard = `${path}.takeover`;
  if (!create(guard, token)) {
    // a guard left by a process killed within the take-over (a few microseconds) is old: clear it
    if (Date.now() - statSafe(guard) < 10_000) throw lockedBy(path);
    unlinkSafe(guard);
    if (!create(guard, token)) throw lockedBy(path);
  }
  try {
    const holder = readLock(path);
    if (holder && !isStale(holder)) throw new LockError(holder, path);
    renameSync(guard, path);
  } catch (error) {
    unlinkSafe(guard);
    throw error;
  }
}

function lockedBy(path: string): Error {
  const holder = readLock(path);
  return holder ? new LockError(holder, path) : new Error(`cannot take the lock ${path}: another process is taking it`);
}

function release(path: string): void {
  const mine = held.get(path);
  if (!mine || --mine.depth > 0) return;
  held.delete(path);
  // never delete a lock that is no longer ours (taken over after we were wrongly judged gone)
  try {
    if (readFileSync(path, "utf8") === mine.token) unlinkSync(path);
  } catch {
    // already gone
  }
}

function statSafe(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function unlinkSafe(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

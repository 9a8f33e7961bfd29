import {execFile, spawn, type ChildProcess} from "node:child_process";

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs `ascolto` as a scheduler would (no terminal), on the given warehouse. */
export function ascolto(warehouse: string, args: string[], {env = {}}: {env?: Record<string, string>} = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile("node", ["bin/ascolto.js", "--warehouse", warehouse, "--config", "test/fixtures/ingest/registry", ...args],
      {env: {...process.env, ...env}, maxBuffer: 64 * 1024 ** 2},
      (error, stdout, stderr) => resolve({stdout, stderr, code: error ? Number((error as {code?: number}).code ?? 1) : 0}));
  });
}

/** Starts `ascolto` in the background (to be killed, or raced against). */
export function spawnAscolto(warehouse: string, args: string[]): ChildProcess {
  return spawn("node", ["bin/ascolto.js", "--warehouse", warehouse, "--config", "test/fixtures/ingest/registry", ...args],
    {stdio: ["ignore", "pipe", "pipe"]});
}

/** The JSON lines a `--log-format json` run wrote to stderr. */
export function jsonLines(text: string): Array<Record<string, any>> {
  return text.split("\n").filter((line) => line.trim()).map((line) => JSON.parse(line));
}

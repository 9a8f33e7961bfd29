/** Runs one measuring step in its own process and samples the memory of its whole process tree. */
import {spawn} from "node:child_process";
import {readdirSync, readFileSync} from "node:fs";

export interface StepResult {
  ok: boolean;
  /** The child's JSON line (its own timings), or why it failed. */
  result: Record<string, any>;
  error: string | null;
  /** Peak resident memory of the step: the child's own maxRSS, or the sampled sum over its process tree. */
  peak_rss_mb: number;
}

/** `node --import tsx SCRIPT ARGS...`; the child prints one JSON line on stdout. */
export function runStep(script: string, args: string[]): Promise<StepResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {stdio: ["ignore", "pipe", "pipe"]});
    let stdout = "";
    let stderr = "";
    let sampled = 0;
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    // Framework's build runs in grandchildren: /proc sees them, the child's own maxRSS does not
    const timer = setInterval(() => (sampled = Math.max(sampled, treeRssMb(child.pid!))), 200);
    child.on("close", (code) => {
      clearInterval(timer);
      const line = stdout.trim().split("\n").pop() ?? "";
      let result: Record<string, any> = {};
      try {
        result = JSON.parse(line);
      } catch {
        // no result line: the error below says why
      }
      const ok = code === 0 && typeof result.seconds === "number";
      resolve({
        ok, result, peak_rss_mb: Math.max(sampled, Number(result.peak_rss_mb ?? 0)),
        error: ok ? null : `exit ${code}: ${stderr.trim().split("\n").slice(-3).join(" | ").slice(0, 400)}`
      });
    });
  });
}

/** Resident memory of a process and its descendants, in MB (Linux /proc; 0 elsewhere). */
export function treeRssMb(root: number): number {
  try {
    const children = new Map<number, number[]>();
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      } catch {
        // the process ended meanwhile
      }
    }
    let kb = 0;
    const stack = [root];
    while (stack.length) {
      const pid = stack.pop()!;
      try {
        kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      } catch {
        // ended
      }
      stack.push(...(children.get(pid) ?? []));
    }
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

import {spawnSync} from "node:child_process";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

describe("ascolto sentiment", () => {
  it("prints one JSON object per stdin line, label, score and lang first", () => {
    const input = ["Che schifo, il bus non passa da mezz'ora 😡", "Grazie mille al Comune! 👏", "Da lunedì chiusura di via Roma per lavori", "Love the new park", "", "👍"].join("\n");
    const run = spawnSync(process.execPath, ["bin/ascolto.js", "sentiment"], {cwd: root, input, encoding: "utf8"});
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(Object.keys(line).slice(0, 3)).toEqual(["label", "score", "lang"]);
    expect(lines.map((l) => [l.label, l.lang])).toEqual([
      ["negative", "it"], ["positive", "it"], ["neutral", "it"], ["positive", "en"], ["neutral", "other"], ["positive", "other"]
    ]);
  });

  it("rejects an unknown --lang", () => {
    const run = spawnSync(process.execPath, ["bin/ascolto.js", "sentiment", "--lang", "fr"], {cwd: root, input: "x", encoding: "utf8"});
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('--lang must be it, en or other, not "fr"');
  });
});

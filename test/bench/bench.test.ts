import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {benchFormats} from "../../bench/inputs.ts";
import {runBench} from "../../bench/suite.ts";
import {formatTable, summaryRows} from "../../bench/table.ts";

const work = mkdtempSync(join(tmpdir(), "ascolto-bench-test-"));
afterAll(() => rmSync(work, {recursive: true, force: true}));

// A smoke test only: the suite runs end to end at a tiny size. Times are never asserted (a shared machine
// makes them noise); the bench reports ratios measured in one run instead.
describe("the benchmark suite", () => {
  it("measures every format's ingest next to its DuckDB baseline and reports a table", async () => {
    const results = await runBench({items: 3000, repeat: 1, work, skip: ["build", "export", "transform"]});
    for (const format of benchFormats) {
      const ingest = results.medians[`ingest:${format}`]!;
      const baseline = results.medians[`baseline:${format}`]!;
      expect(ingest.error, format).toBeUndefined();
      expect(baseline.error, format).toBeUndefined();
      expect(ingest.items, format).toBeGreaterThan(0);
      expect(ingest.peak_rss_mb, format).toBeGreaterThan(0);
      expect(baseline.rows, format).toBeGreaterThan(0);
    }
    // steps owned by other modules report their error in the table rather than stopping the suite
    for (const step of ["text"]) {
      const measured = results.medians[step]!;
      expect(typeof measured.seconds === "number" || typeof measured.error === "string", step).toBe(true);
    }
    const table = formatTable(summaryRows(results));
    expect(table.split("\n")[0]).toMatch(/^step\s+seconds\s+baseline\s+ratio\s+throughput\s+peak MB$/);
    for (const format of benchFormats) expect(table).toContain(`ingest ${format}`);
    // the skipped steps say so, and the pipeline's total is not summed from a part of it
    expect(table).toMatch(/dashboards build\s+not run \(--skip\)/);
    expect(table).toMatch(/full pipeline \(ingest \+ transform \+ build\)\s+not every step ran/);
    expect(table).not.toContain("NaN");
  }, 300_000);
});

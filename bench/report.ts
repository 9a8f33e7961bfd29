/** How a measuring child process hands its result back: one JSON line on stdout, peak RSS included. */
export function report(result: object): void {
  // maxRSS counts native memory too (DuckDB's buffers), unlike process.memoryUsage().heapUsed
  process.stdout.write(`${JSON.stringify({...result, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024)})}\n`);
}

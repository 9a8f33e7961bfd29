import {spawn} from "node:child_process";
import {createReadStream, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, resolve, sep} from "node:path";
import {createGzip} from "node:zlib";

export interface BuildOptions {
  warehouse: string;
  internal?: boolean;
  out?: string;
}

/**
 * Builds the static site with Observable Framework: public (aggregates only) into dist/, or the
 * analysts' internal site into dist-internal/. Loaders read the warehouse given in ASCOLTO_WAREHOUSE.
 */
export async function buildSite({warehouse, internal = false, out}: BuildOptions): Promise<string> {
  const output = resolve(out ?? (internal ? "dist-internal" : "dist"));
  clearFrameworkCache();
  // Framework refuses to overwrite files of an earlier build; only a folder that holds one is cleared
  if (existsSync(output) && readdirSync(output).length) {
    if (!existsSync(join(output, "_observablehq"))) throw new Error(`${output} is not empty and holds no earlier site build: not overwriting it`);
    rmSync(output, {recursive: true, force: true});
  }
  try {
    await run("npx", ["observable", "build"], {
      ...process.env,
      ASCOLTO_WAREHOUSE: resolve(warehouse),
      ASCOLTO_SITE: internal ? "internal" : "public",
      ASCOLTO_SITE_OUTPUT: output
    });
  } finally {
    clearFrameworkCache();
  }
  for (const file of htmlFiles(output)) writeFileSync(file, fixHtml(readFileSync(file, "utf8")));
  return output;
}

/**
 * Framework caches loader outputs and its own client modules in the source tree: the loaders' are stale after
 * any ingest or transform and shared by both flavours, and none of it belongs beside the sources.
 */
function clearFrameworkCache(): void {
  rmSync("dashboards/.observablehq/cache", {recursive: true, force: true});
}

/**
 * Framework writes `<html>` with no language, a viewport that forbids zooming and a `<label>` straight inside
 * the sidebar's `<ol>`: they fail WCAG 2.1 (3.1.1 language of page, 1.4.4 resize text, 1.3.1 list markup).
 */
export function fixHtml(html: string): string {
  return html
    .replace(/<html>/, '<html lang="it">')
    .replace(/,\s*maximum-scale=1/, "")
    .replace(/(<ol>\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$2$1");
}

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith(".html")) yield path;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {env, stdio: ["ignore", "inherit", "inherit"]});
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".csv": "text/csv; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png", ".parquet": "application/octet-stream",
  ".arrow": "application/vnd.apache.arrow.file", ".woff2": "font/woff2"
};

/** Serves a built site on localhost (clean URLs: /ascolto → ascolto.html). */
export function serveSite(dir: string, port = 3000): Promise<Server> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    let path = resolve(join(root, decodeURIComponent(url.pathname)));
    if (path !== root && !path.startsWith(root + sep)) return void response.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    else if (!existsSync(path) && existsSync(`${path}.html`)) path = `${path}.html`;
    if (!existsSync(path)) return void response.writeHead(404, {"content-type": "text/plain"}).end("not found");
    const type = types[extname(path)] ?? "application/octet-stream";
    // why: every real host compresses text; measuring transferred sizes without it would overstate them
    if (/gzip/.test(String(request.headers["accept-encoding"] ?? "")) && /text|javascript|json|svg/.test(type)) {
      response.writeHead(200, {"content-type": type, "content-encoding": "gzip", vary: "accept-encoding"});
      createReadStream(path).pipe(createGzip()).pipe(response);
    } else {
      response.writeHead(200, {"content-type": type});
      createReadStream(path).pipe(response);
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolvePromise(server));
  });
}

import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {Browser, Page} from "playwright-core";
import {chromium} from "playwright-core";

/** Debian's Chromium, headless, with its background traffic off (the machine's network is closed). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  });
}

export interface PageVisit {
  page: Page;
  consoleErrors: string[];
  /** Every request to a host other than the site's own. */
  foreignRequests: string[];
}

/** Opens a page and records console errors and requests that leave localhost. */
export async function visit(browser: Browser, url: string, {width = 1280, height = 900} = {}): Promise<PageVisit> {
  const page = await browser.newPage({viewport: {width, height}});
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(url).origin;
  page.on("console", (message) => { if (message.type() === "error") consoleErrors.push(message.text()); });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  page.on("request", (request) => {
    const target = request.url();
    if (!target.startsWith(origin) && !target.startsWith("data:") && !target.startsWith("blob:")) foreignRequests.push(target);
  });
  await page.goto(url, {waitUntil: "networkidle"});
  return {page, consoleErrors, foreignRequests};
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's WCAG 2.1 A/AA violations on the page, as "rule: target" strings. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({content: axeSource});
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run(context: unknown, options: unknown): Promise<{violations: Array<{id: string; nodes: Array<{target: string[]}>}>}>}}).axe;
    const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  return violations;
}

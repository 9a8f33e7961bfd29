import {describe, expect, it} from "vitest";
import {fixHtml} from "../../lib/site.ts";

describe("fixHtml", () => {
  it("adds the language, lets the reader zoom and takes the sidebar's label out of its list", () => {
    const html = [
      "<!DOCTYPE html>", "<html>", '<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">',
      '<nav id="observablehq-sidebar">', "  <ol>", '    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>',
      '    <li class="observablehq-link"><a href="./">ascolto</a></li>', "  </ol>"
    ].join("\n");
    expect(fixHtml(html)).toBe([
      "<!DOCTYPE html>", '<html lang="it">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<nav id="observablehq-sidebar">', '  <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label><ol>', "    ",
      '    <li class="observablehq-link"><a href="./">ascolto</a></li>', "  </ol>"
    ].join("\n"));
  });
});

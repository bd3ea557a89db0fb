import { describe, expect, it } from "vitest";
import { HOSTILE_MARKDOWN, ordinaryMarkdown } from "../../tests/support/hostile-markdown";
import { cpuMs, growth } from "../../tests/support/linear";
import { markdownToSafeHtml, renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("keeps headings, lists, links, quotes and emphasis", () => {
    const html = renderMarkdown("# Housing first\n\n- one\n- two\n\n> quoted\n\n**bold** and [a link](https://example.org)", { headingLevel: 2 });
    expect(html).toContain("<h2>Housing first</h2>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('<a href="https://example.org" rel="nofollow noopener noreferrer">a link</a>');
  });

  it("removes scripts, event handlers and raw HTML", () => {
    const html = renderMarkdown('Hello <script>alert(1)</script><img src=x onerror="alert(2)"><iframe src="https://evil.example"></iframe><b>raw</b>', { headingLevel: 3 });
    expect(html).not.toMatch(/script|onerror|<img|<iframe|alert\(1\)/);
    expect(html).not.toContain("<b>");
  });

  it("drops javascript: and data: links but keeps their text", () => {
    const html = renderMarkdown("[click](javascript:alert(1)) [data](data:text/html,hi) [JaVaScRiPt](JAVASCRIPT:alert(1))", { headingLevel: 3 });
    expect(html).not.toMatch(/javascript:|data:/i);
    expect(html).toContain("click");
  });

  it("drops images and tables, which demands do not use", () => {
    const html = renderMarkdown("![x](https://example.org/x.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |", { headingLevel: 3 });
    expect(html).not.toMatch(/<img|<table/);
  });
});

describe("renderMarkdown's headings", () => {
  const outline = "# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six";

  it("puts a member's # one level below the section the text sits in, keeping the steps below it", () => {
    const html = renderMarkdown(outline, { headingLevel: 3 });
    expect(headings(html)).toEqual(["h3:One", "h4:Two", "h5:Three", "h6:Four", "h6:Five", "h6:Six"]);
  });

  it("takes the text's own top level as its top, so a text written from ## leaves no level out", () => {
    expect(headings(renderMarkdown("## What we want\n\nHomes.\n\n### Why\n\n## How", { headingLevel: 3 }))).toEqual(["h3:What we want", "h4:Why", "h3:How"]);
  });

  it("never gives a member's heading the page's h1, whatever level it starts at", () => {
    expect(headings(renderMarkdown(outline, { headingLevel: 2 }))).toEqual(["h2:One", "h3:Two", "h4:Three", "h5:Four", "h6:Five", "h6:Six"]);
    expect(headings(renderMarkdown(outline, { headingLevel: 6 }))).toEqual(["h6:One", "h6:Two", "h6:Three", "h6:Four", "h6:Five", "h6:Six"]);
  });

  it("renders the same text at each level it is asked for (the cache keeps them apart)", () => {
    const source = "# The same text";
    expect(renderMarkdown(source, { headingLevel: 3 })).toBe("<h3>The same text</h3>\n");
    expect(renderMarkdown(source, { headingLevel: 4 })).toBe("<h4>The same text</h4>\n");
    expect(renderMarkdown(source, { headingLevel: 3 })).toBe("<h3>The same text</h3>\n");
  });

  it("still drops raw heading tags, attributes and scripts in and around a shifted heading", () => {
    const html = renderMarkdown('# Hi <script>alert(1)</script> [x](javascript:alert(2))\n\n<h1 onclick="alert(3)">raw</h1>\n\n<h2 id="x">raw two</h2>', { headingLevel: 3 });
    expect(html).not.toMatch(/script|javascript:|onclick|<h1|<h2| id=|data-markdown/i);
    expect(html).toContain("<h3>Hi ");
    // Headings typed as raw HTML keep only their words.
    expect(html.match(/<h[1-6]/g)).toEqual(["<h3"]);
    expect(html).toContain("raw two");
  });
});

const headings = (html: string) => [...html.matchAll(/<(h[1-6])>([^<]*)<\/h[1-6]>/g)].map(([, tag, text]) => `${tag}:${text}`);

describe("renderMarkdown on hostile input", () => {
  // Inputs that once stalled the server for seconds (tests/support/hostile-markdown.ts). Timed in CPU
  // time and compared with each other, never with the clock: figures in tests/bench/markdown.ts.
  const ordinaryAtCap = cpuMs(() => markdownToSafeHtml(ordinaryMarkdown(48_000)), 7);

  for (const [name, build, { linear }] of HOSTILE_MARKDOWN) {
    if (linear) {
      it(`renders repeated ${JSON.stringify(name)} in linear time`, () => {
        // Eight times the input may cost at most 24 times the CPU (linear is 8, quadratic 64).
        const { smallMs, largeMs, ratio } = growth(build, (source) => markdownToSafeHtml(source), 6_000, 8);
        expect(ratio, `${smallMs.toFixed(1)} ms → ${largeMs.toFixed(1)} ms`).toBeLessThan(24);
      });
    }
    it(`renders repeated ${JSON.stringify(name)} at the length cap within a few ordinary documents' time`, () => {
      const source = build(48_000);
      expect(markdownToSafeHtml(source).length).toBeGreaterThan(0);
      const ms = cpuMs(() => markdownToSafeHtml(source), 5);
      expect(ms / Math.max(ordinaryAtCap, 1), `${ms.toFixed(1)} ms vs ${ordinaryAtCap.toFixed(1)} ms`).toBeLessThan(25);
      // Only against catastrophe: backtracking took seconds to minutes.
      expect(ms).toBeLessThan(5_000);
    });
  }

  it("never parses more than the longest field allows", () => {
    const html = renderMarkdown(`${"a".repeat(50_000)}TAIL-THAT-IS-CUT`, { headingLevel: 3 });
    expect(html).not.toContain("TAIL-THAT-IS-CUT");
  });
});

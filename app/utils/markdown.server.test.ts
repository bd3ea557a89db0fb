import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("keeps headings, lists, links, quotes and emphasis", () => {
    const html = renderMarkdown("# Housing first\n\n- one\n- two\n\n> quoted\n\n**bold** and [a link](https://example.org)");
    expect(html).toContain("<h2>Housing first</h2>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('<a href="https://example.org" rel="nofollow noopener noreferrer">a link</a>');
  });

  it("removes scripts, event handlers and raw HTML", () => {
    const html = renderMarkdown('Hello <script>alert(1)</script><img src=x onerror="alert(2)"><iframe src="https://evil.example"></iframe><b>raw</b>');
    expect(html).not.toMatch(/script|onerror|<img|<iframe|alert\(1\)/);
    expect(html).not.toContain("<b>");
  });

  it("drops javascript: and data: links but keeps their text", () => {
    const html = renderMarkdown("[click](javascript:alert(1)) [data](data:text/html,hi) [JaVaScRiPt](JAVASCRIPT:alert(1))");
    expect(html).not.toMatch(/javascript:|data:/i);
    expect(html).toContain("click");
  });

  it("drops images and tables, which demands do not use", () => {
    const html = renderMarkdown("![x](https://example.org/x.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).not.toMatch(/<img|<table/);
  });
});

describe("renderMarkdown on hostile input", () => {
  // Each of these once stalled the server (marked backtracked on them): the 5,000-repeat forms must
  // render in < 100 ms, and anything at the field's 50,000-character limit in well under a page view
  // (measured here 2-75 ms; the bound leaves room for a loaded CI machine, not for backtracking,
  // which took seconds to minutes).
  const fill = (unit: string, times: number) => unit.repeat(times);
  const cases: Array<[string, string, number]> = [
    ["[a]( x 5,000", fill("[a](", 5000), 100],
    ["*a x 5,000", fill("*a", 5000), 100],
    ["> x 5,000", fill(">", 5000), 100],
    ["[a]( at the limit", fill("[a](", 12_500), 250],
    ["**a at the limit", fill("**a ", 12_500), 250],
    ["_a* at the limit", fill("_a*", 16_000), 250],
    ["nested lists", Array.from({ length: 3000 }, (_, i) => `${" ".repeat((i % 40) * 2)}- a`).join("\n").slice(0, 50_000), 250],
    ["> - nesting", fill("> - ", 12_500), 250],
    ["[[a](b) at the limit", fill("[[a](b)", 7000), 250],
  ];
  for (const [name, source, limitMs] of cases) {
    it(`renders ${name} in < ${limitMs} ms`, () => {
      renderMarkdown("warm up the parser once");
      const started = performance.now();
      const html = renderMarkdown(source);
      const ms = performance.now() - started;
      expect(html.length).toBeGreaterThan(0);
      expect(ms).toBeLessThan(limitMs);
    });
  }

  it("never parses more than the longest field allows", () => {
    const html = renderMarkdown(`${"a".repeat(50_000)}TAIL-THAT-IS-CUT`);
    expect(html).not.toContain("TAIL-THAT-IS-CUT");
  });
});

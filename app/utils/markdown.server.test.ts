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

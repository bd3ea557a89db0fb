import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/utils/markdown.server";
import { citedNumbers } from "./evidence";
import { SourceSchema } from "./evidence-forms";

const cite = (markdown: string, citations: Array<[number, string]>) => renderMarkdown(markdown, { headingLevel: 3, citations: new Map(citations) });

describe("citations in a demand's text", () => {
  it("links [n] to its source with the source's title as the link's name, and leaves other numbers as text", () => {
    expect(cite("Homes first [2], not [3].", [[2, "Leaving hospital"]])).toBe('<p>Homes first <a href="#source-2" aria-label="Source 2: Leaving hospital">[2]</a>, not [3].</p>\n');
  });

  it("never links inside code, code blocks or an existing link, and keeps a reference-style link the member wrote", () => {
    const html = cite("`[1]` and [a [1]](https://example.org)\n\n    [1] in a block\n\n[1][]\n\n[1]: https://example.org/ref", [[1, "A source"]]);
    expect(html).not.toContain("#source-1");
    expect(html).toContain('<a href="https://example.org/ref" rel="nofollow noopener noreferrer">1</a>');
  });

  it("escapes the title, and a raw HTML link cannot bring its own name or address", () => {
    const html = cite('[1] <a href="#source-1" aria-label="Click me">x</a> <a href="javascript:alert(1)" aria-label="y">z</a> <img src=x onerror=alert(1)>', [[1, '"><script>alert(1)</script>']]);
    expect(html).not.toMatch(/<script|<img|javascript:|Click me|aria-label="y"/);
    expect(html).toContain('aria-label="Source 1: &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it("renders the same text differently once its sources change (the cache keys on them)", () => {
    expect(cite("See [1].", [])).toBe("<p>See [1].</p>\n");
    expect(cite("See [1].", [[1, "Now accepted"]])).toContain('href="#source-1"');
  });

  it("reads the numbers a text cites, once each and bounded", () => {
    expect(citedNumbers("[1] [2] [1] [x] [12a] [007] [0]")).toEqual([1, 2]);
    expect(citedNumbers(Array.from({ length: 500 }, (_, i) => `[${i + 1}]`).join(" "))).toHaveLength(100);
  });
});

describe("the source form", () => {
  const good = { title: "A study", author: "A body", finding: "It found something worth knowing.", kind: "research" };
  it("takes an optional year and link, and refuses a year to come or a link that is not a web address", () => {
    expect(SourceSchema.parse({ ...good, year: "", url: "" })).toMatchObject({ year: null, url: null });
    expect(SourceSchema.parse({ ...good, year: "1999", url: "https://example.org/a" })).toMatchObject({ year: 1999, url: "https://example.org/a" });
    for (const url of ["ftp://example.org", "javascript:alert(1)", "https://exa mple.org", "https://localhost", "example.org"]) expect(SourceSchema.safeParse({ ...good, url }).success).toBe(false);
    for (const year of ["99", "0999", "19999", String(new Date().getUTCFullYear() + 1)]) expect(SourceSchema.safeParse({ ...good, year }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { readerText } from "~/utils/markdown.server";
import { compareMarkdown } from "./word-diff";

describe("readerText: the words a reader sees in Markdown", () => {
  it("keeps headings and paragraphs apart, drops the syntax and raw HTML, and decodes what the sanitiser escaped", () => {
    // A single line break inside a paragraph reads as a space, as on the page.
    expect(readerText("# What we want\n\nA **crisis café** & a [ward](https://example.org) <script>x</script>\nnext line")).toBe("What we want\n\nA crisis café & a ward next line");
  });

  it("puts each list item on its own line, nested items indented, two lists apart", () => {
    expect(readerText("- one\n- two\n  - inner\n\ntext\n\n1. first")).toBe("• one\n• two\n  • inner\n\ntext\n\n• first");
  });
});

describe("compareMarkdown", () => {
  it("tells formatting from wording", () => {
    expect(compareMarkdown("a b", "a b")).toEqual({ kind: "same" });
    expect(compareMarkdown("## Heading\n\nsome words", "# Heading\n\nsome **words**")).toEqual({ kind: "formatting-only" });
    const changed = compareMarkdown("Some **bold** words", "Some **bolder** words");
    expect(changed.kind).toBe("changed");
    if (changed.kind !== "changed") return;
    expect(changed.parts).toEqual([
      { kind: "same", text: "Some " },
      { kind: "removed", text: "bold" },
      { kind: "added", text: "bolder" },
      { kind: "same", text: " words" },
    ]);
  });
});

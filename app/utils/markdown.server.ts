import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Member-written Markdown to safe HTML: headings, paragraphs, emphasis, lists, links and quotes only.
 * Raw HTML in the source is dropped (not escaped into view), scripts and event handlers never survive,
 * and links may only be http(s) or mailto, opening with rel="nofollow noopener".
 */
const ALLOWED = {
  allowedTags: ["h2", "h3", "h4", "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard" as const,
  transformTags: {
    // A member's "# Heading" sits under the page's own h1, so headings start at h2.
    h1: "h2",
    h5: "h4",
    h6: "h4",
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer" }),
  },
};

export function renderMarkdown(markdown: string): string {
  // marked passes raw HTML through; strip it first so "<b>hi</b>" does not become bold.
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false }) as string;
  return sanitizeHtml(html, ALLOWED);
}

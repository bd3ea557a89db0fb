import { valueOf, type FormValues } from "./forms";
import MarkdownIt, { type Token } from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * Member-written Markdown to safe HTML: headings, paragraphs, emphasis, lists, links and quotes only.
 * Raw HTML in the source is dropped (not escaped into view), scripts and event handlers never survive,
 * and links may only be http(s) or mailto, opening with rel="nofollow noopener".
 *
 * The parser runs on the only event loop, so it must be linear-time on hostile input: markdown-it
 * (CommonMark, with pathological-input tests of its own and a nesting limit) replaced `marked`,
 * whose backtracking let a 4.8 KB body of `[a](` take seconds per view and 1 MB hang the process.
 * `renderMarkdown.test.ts` holds the inputs that used to stall it to a time limit.
 */
/**
 * The level a member's top heading takes: one below the heading of the section the text sits in (the
 * demand's "The full text" is an h2, so its top heading is an h3). The text's own top level, "#" or
 * "##", becomes that level and deeper headings keep their steps below it, stopping at h6, so a text
 * never claims the page's outline, a level beside its own section, or leaves a level out.
 */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

// Marks the headings the Markdown made, so the sanitiser can tell them from raw HTML headings.
const MARKDOWN_HEADING = "data-markdown-heading";
const keepMarkdownHeading: sanitizeHtml.Transformer = (tagName, attribs) =>
  MARKDOWN_HEADING in attribs ? { tagName, attribs: {} } : { tagName: "p", attribs: {} };

/** Numbered sources a text may cite as "[3]": number → title (see citationsIn). */
export type Citations = ReadonlyMap<number, string>;
const NO_CITATIONS: Citations = new Map();

const CITATION_HREF = /^#source-(\d+)$/;

/**
 * A link to one of the demand's own numbered sources keeps its in-page address and gets its
 * accessible name from the source's title (server data, escaped as an attribute); every other link
 * is marked nofollow and loses any aria-label, so raw HTML cannot put words in a screen reader's mouth.
 */
function linkTransformer(citations: Citations): sanitizeHtml.Transformer {
  return (tagName, attribs): sanitizeHtml.Tag => {
    const number = CITATION_HREF.exec(attribs.href ?? "")?.[1];
    const title = number !== undefined ? citations.get(Number(number)) : undefined;
    if (title !== undefined) return { tagName: "a", attribs: { href: attribs.href!, "aria-label": `Source ${number}: ${title}` } };
    const kept: sanitizeHtml.Attributes = attribs.href !== undefined ? { href: attribs.href } : {};
    return { tagName: "a", attribs: { ...kept, rel: "nofollow noopener noreferrer" } };
  };
}

function allowedFor(citations: Citations): sanitizeHtml.IOptions {
  return {
    allowedTags: ["h2", "h3", "h4", "h5", "h6", "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote"],
    allowedAttributes: { a: ["href", "rel", "aria-label"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    transformTags: {
      // A heading typed as raw HTML is only its text: its level could jump the page's outline.
      ...Object.fromEntries(["h1", "h2", "h3", "h4", "h5", "h6"].map((tag) => [tag, keepMarkdownHeading])),
      a: linkTransformer(citations),
    },
  };
}
const ALLOWED = allowedFor(NO_CITATIONS);

/** The longest Markdown any field accepts (a demand's full text); nothing longer is ever parsed. */
export const MARKDOWN_MAX_LENGTH = 50_000;

// html: true hands raw HTML to the sanitiser, which drops it (false would print the tags as text).
const parser = new MarkdownIt("commonmark", { html: true, linkify: false, typographer: false, breaks: false }).disable(["image", "table"]);
// Let every link through to the sanitiser, which removes a javascript: or data: href but keeps the
// link's text (markdown-it's own check would print the whole "[text](javascript:...)" source).
parser.validateLink = () => true;

// The same text is rendered on every view of a demand: keep the last few hundred results.
const cache = new Map<string, string>();
const CACHE_SIZE = 300;

export function renderMarkdown(markdown: string, { headingLevel, citations = NO_CITATIONS }: { headingLevel: HeadingLevel; citations?: Citations }): string {
  const source = markdown.length > MARKDOWN_MAX_LENGTH ? markdown.slice(0, MARKDOWN_MAX_LENGTH) : markdown;
  const key = `${headingLevel}:${citations.size ? JSON.stringify([...citations]) : ""}:${source}`;
  const cached = cache.get(key);
  if (cached !== undefined) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const html = markdownToSafeHtml(source, headingLevel, citations);
  cache.set(key, html);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return html;
}

/** The parse and sanitise behind renderMarkdown, uncached (its tests time this). */
export function markdownToSafeHtml(source: string, headingLevel: HeadingLevel = 2, citations: Citations = NO_CITATIONS): string {
  const tokens = parser.parse(source, {});
  const headings = tokens.filter((token) => token.type === "heading_open" || token.type === "heading_close");
  const top = Math.min(...headings.map((token) => Number(token.tag.slice(1))));
  for (const token of headings) {
    token.tag = `h${Math.min(6, Number(token.tag.slice(1)) - top + headingLevel)}`;
    if (token.type === "heading_open") token.attrSet(MARKDOWN_HEADING, "");
  }
  if (citations.size) linkCitations(tokens, citations);
  return sanitizeHtml(parser.renderer.render(tokens, parser.options, {}), citations.size ? allowedFor(citations) : ALLOWED);
}

// markdown-it exports its Token class only through the core state.
const TokenClass = parser.core.State.prototype.Token;
const CITATION = /\[([1-9]\d{0,5})\]/g;

/**
 * "[3]" in running text, where 3 is a source's number, becomes a link to "#source-3". Only plain
 * text tokens are touched, so code (spans and blocks are tokens of their own) and the text of an
 * existing link stay as they are; the new links go through the sanitiser like every other.
 */
function linkCitations(tokens: Token[], citations: Citations) {
  for (const block of tokens) {
    if (block.type !== "inline" || !block.children) continue;
    const children: Token[] = [];
    let linkDepth = 0;
    for (const token of block.children) {
      if (token.type === "link_open") linkDepth++;
      if (token.type === "link_close") linkDepth--;
      if (token.type !== "text" || linkDepth > 0 || !token.content.includes("[")) {
        children.push(token);
        continue;
      }
      let last = 0;
      for (const match of token.content.matchAll(CITATION)) {
        const number = Number(match[1]);
        if (!citations.has(number)) continue;
        children.push(textToken(token, token.content.slice(last, match.index)));
        const open = new TokenClass("link_open", "a", 1);
        open.attrSet("href", `#source-${number}`);
        children.push(open, textToken(token, match[0]), new TokenClass("link_close", "a", -1));
        last = match.index + match[0].length;
      }
      children.push(last === 0 ? token : textToken(token, token.content.slice(last)));
    }
    block.children = children;
  }
}

function textToken(like: Token, content: string) {
  const token = new TokenClass("text", "", 0);
  token.level = like.level;
  token.content = content;
  return token;
}

/** "Preview" on a form with a Markdown `body`: what was typed (within the form's limits) and the body as it will appear (under the preview's h2), saving nothing. */
export function previewOf(values: FormValues) {
  return { ok: false as const, errors: {}, values, preview: renderMarkdown(valueOf(values, "body"), { headingLevel: 3 }) };
}

const BLOCK_TAGS = new Set(["p", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote"]);
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

/**
 * The words a reader sees in member-written Markdown, block by block: each paragraph and heading a
 * line of its own with a blank line between, each list item on its own line after "• " (indented
 * when nested). No Markdown syntax survives (`**`, `#`, link addresses), so comparing two of these
 * shows changes of wording, not of formatting. Read from the sanitised HTML the page shows, whose
 * only tags are the few markdownToSafeHtml allows and whose text is escaped, so a tag is always `<…>`.
 */
export function readerText(markdown: string): string {
  const html = renderMarkdown(markdown, { headingLevel: 2 });
  // `list` numbers the outermost lists, so two lists in a row are kept apart by a blank line.
  const lines: Array<{ text: string; list: number | null }> = [];
  let line = "";
  let lists = 0;
  let listNumber = 0;
  let items = 0;
  let bullet = false;
  const flush = () => {
    const text = line.replace(/[ \t]*\n[ \t]*/g, "\n").trim();
    line = "";
    if (!text) return;
    const indent = "  ".repeat(Math.max(0, lists - 1));
    lines.push({ text: items ? `${indent}${bullet ? "• " : "  "}${text}` : text, list: items ? listNumber : null });
    bullet = false;
  };
  for (const [, closing, tag, text] of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi)) {
    if (text !== undefined) {
      line += decodeEntities(text.replace(/\s+/g, " "));
      continue;
    }
    const name = tag!.toLowerCase();
    if (name === "br") {
      line += "\n";
      continue;
    }
    if (!BLOCK_TAGS.has(name)) continue;
    flush();
    if (name === "ul" || name === "ol") {
      if (!closing && lists === 0) listNumber++;
      lists += closing ? -1 : 1;
    }
    if (name === "li") {
      items += closing ? -1 : 1;
      bullet = !closing;
    }
  }
  flush();
  return lines.map((l, i) => (i === 0 ? "" : l.list !== null && l.list === lines[i - 1]!.list ? "\n" : "\n\n") + l.text).join("");
}

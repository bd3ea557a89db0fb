/** A demand's text as paragraphs (blank-line separated), the unit a paragraph amendment replaces. */
export function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function replaceParagraph(body: string, index: number, replacement: string): string {
  const paragraphs = splitParagraphs(body);
  paragraphs[index] = replacement.trim();
  return paragraphs.join("\n\n");
}

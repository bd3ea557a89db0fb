/**
 * A letter's words as one person wrote them (what a writer supplies through the letter form). Pure:
 * the writing page's preview and the email a decision maker receives are both made by assembleLetter.
 */
export interface LetterParts {
  subject: string;
  opening: string;
  personal: string;
  name: string;
  postcode: string;
}

/**
 * The letter exactly as a decision maker receives it: salutation, the supporter's own words, a
 * sign-off with their name and postcode (so an office can see they are a constituent), and a line
 * saying how it was sent. Pure, so the preview and the sent message cannot differ.
 */
export function assembleLetter(recipientName: string, parts: LetterParts) {
  const paragraphs = (text: string) =>
    text
      .replace(/\r\n?/g, "\n")
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
  const body = [
    `Dear ${recipientName},`,
    ...paragraphs(parts.opening),
    ...paragraphs(parts.personal),
    `Yours sincerely,\n${parts.name}\n${parts.postcode}`,
  ];
  const footer = `${parts.name} wrote this letter and confirmed their email address before it was sent through Chorus. Reply to this email to reach them directly.`;
  return { subject: parts.subject, paragraphs: body, footer, text: `${body.join("\n\n")}\n\n--\n${footer}\n` };
}


import { Body, Container, Head, Html, Text } from "@react-email/components";
import { assembleLetter, type LetterParts } from "./letter-text";
import { ActionEmail, P, Small } from "./components/action-email";
import { styles } from "./components/email-layout";

export interface LetterProps {
  recipientName: string;
  parts: LetterParts;
  /** The supporter's address: a reply reaches them, not Chorus. */
  replyTo: string;
  /** Test mode: the organiser receives it, with a line saying who it would have gone to. */
  testFor?: string | null;
}
/**
 * A supporter's letter to a decision maker: plain and personal, no Chorus branding, no crisis-line
 * footer (this is not mail to our members), assembled by the same function as the preview.
 */
export function Letter({ recipientName, parts, testFor }: LetterProps) {
  const letter = assembleLetter(recipientName, parts);
  return (
    <Html lang="en">
      <Head />
      <Body style={{ ...styles.body, backgroundColor: "#ffffff" }}>
        <Container style={styles.container}>
          {testFor ? <Text style={styles.small}>Test mode: this letter would have gone to {testFor}.</Text> : null}
          {letter.paragraphs.map((p, i) => (
            <Text key={i} style={{ ...styles.text, whiteSpace: "pre-line" }}>
              {p}
            </Text>
          ))}
          <Text style={styles.small}>-- {letter.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
Letter.subject = (p: LetterProps) => (p.testFor ? `[Test] ${p.parts.subject}` : p.parts.subject);
Letter.replyTo = (p: LetterProps) => p.replyTo;
Letter.PreviewProps = {
  recipientName: "Alex Rivers MP",
  replyTo: "sam@example.org",
  parts: {
    subject: "Crisis houses in Leeds",
    opening: "I am writing as your constituent to ask you to support a crisis house in every region.",
    personal: "Two years ago I spent a night in A&E because there was nowhere else to go. A crisis house would have meant a calm room and someone to talk to.",
    name: "Sam Example",
    postcode: "LS6 1AN",
  },
} satisfies LetterProps;

export interface ConfirmLetterProps {
  title: string;
  recipients: string[];
  confirmUrl: string;
  days: number;
}
/** The one step that sends a letter: pressing the button on the page the link opens. */
export function ConfirmLetter({ title, recipients, confirmUrl, days }: ConfirmLetterProps) {
  return (
    <ActionEmail preview={`Confirm your letter: ${title}`} heading="Confirm your letter" action={{ label: "Confirm and send my letter", url: confirmUrl }}>
      <P>Thank you for writing. Your letter to {recipients.join(", ")} is sent once you confirm it: open the link and press the button.</P>
      <Small>The link works for {days} days. If you did not write this letter, ignore this email and nothing will be sent.</Small>
    </ActionEmail>
  );
}
ConfirmLetter.subject = (p: ConfirmLetterProps) => `Confirm your letter: ${p.title}`;
ConfirmLetter.PreviewProps = { title: "Write to your MP about crisis houses", recipients: ["Alex Rivers MP"], confirmUrl: "http://localhost:3000/letters/x/confirm/token", days: 14 } satisfies ConfirmLetterProps;

export interface LetterFollowUpProps {
  recipientName: string;
  title: string;
  replyUrl: string;
  reminder: boolean;
}
/** Two weeks after sending (and once more a week later): did the decision maker reply? */
export function LetterFollowUp({ recipientName, title, replyUrl, reminder }: LetterFollowUpProps) {
  return (
    <ActionEmail preview={`Did ${recipientName} reply?`} heading={`Did ${recipientName} reply?`} action={{ label: "Tell us what happened", url: replyUrl }}>
      <P>
        {reminder ? "A week ago we asked" : "Two weeks ago you wrote"} to {recipientName} ({title}).{" "}
        {reminder ? "If you have heard back since, or still have not, one click tells the campaign." : "Knowing who replies helps the campaign decide what to do next."}
      </P>
      <Small>{reminder ? "This is the last time we ask." : "We will ask once more in a week if we do not hear from you."}</Small>
    </ActionEmail>
  );
}
LetterFollowUp.subject = (p: LetterFollowUpProps) => `Did ${p.recipientName} reply to your letter?`;
LetterFollowUp.PreviewProps = { recipientName: "Alex Rivers MP", title: "Crisis houses", replyUrl: "http://localhost:3000/letters/reply/1.token", reminder: false } satisfies LetterFollowUpProps;

export interface LetterNotSentProps {
  recipientName: string;
  title: string;
  reason: "rejected" | "bounced";
  letterUrl: string;
}
/** A letter that could not go: never dropped silently. */
export function LetterNotSent({ recipientName, title, reason, letterUrl }: LetterNotSentProps) {
  return (
    <ActionEmail preview={`Your letter to ${recipientName} was not sent`} heading={`Your letter to ${recipientName} was not sent`} action={{ label: "Write again", url: letterUrl }}>
      <P>
        {reason === "rejected"
          ? `The organisers held your letter (${title}) because it was very like other letters to ${recipientName}, and decided not to send it. Offices often ignore letters that look the same: a letter in your own words is much more likely to be read.`
          : `${recipientName}'s email address did not accept your letter (${title}). The organisers have been told and will fix the address.`}
      </P>
    </ActionEmail>
  );
}
LetterNotSent.subject = (p: LetterNotSentProps) => `Your letter to ${p.recipientName} was not sent`;
LetterNotSent.PreviewProps = { recipientName: "Alex Rivers MP", title: "Crisis houses", reason: "rejected", letterUrl: "http://localhost:3000/letters/x" } satisfies LetterNotSentProps;

export interface LetterNewsProps {
  letterCampaignTitle: string;
  subject: string;
  message: string;
  letterCampaignUrl: string;
  stopUrl: string;
}
/** Campaign news to letter writers who asked for it (a decision maker responded), each with a one-click way to stop. */
export function LetterNews({ letterCampaignTitle, subject, message, letterCampaignUrl, stopUrl }: LetterNewsProps) {
  return (
    <ActionEmail preview={subject} heading={subject} action={{ label: "See the campaign's letters", url: letterCampaignUrl }}>
      {message.split(/\n{2,}/).map((paragraph, i) => (
        <P key={i}>{paragraph}</P>
      ))}
      <Small>
        You get this because you wrote a letter through &ldquo;{letterCampaignTitle}&rdquo; and asked to hear when decision makers respond. To stop, use this link: {stopUrl}
      </Small>
    </ActionEmail>
  );
}
LetterNews.subject = (p: LetterNewsProps) => p.subject;
LetterNews.PreviewProps = {
  letterCampaignTitle: "Write to your MP about crisis houses",
  subject: "The Minister for Care has responded to the campaign",
  message: "The Minister for Care responded to the campaign on 3 December 2026.\n\nRead their response in their own words: http://localhost:3000/campaigns/1#ask-1",
  letterCampaignUrl: "http://localhost:3000/letters/crisis-houses-abc123",
  stopUrl: "http://localhost:3000/letters/crisis-houses-abc123/news-off/12.token",
} satisfies LetterNewsProps;

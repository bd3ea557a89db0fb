import { ActionEmail, P, Small } from "./components/action-email";

export interface ConfirmSignatureProps {
  petitionTitle: string;
  confirmUrl: string;
  withdrawUrl: string;
  days: number;
}
/** The one step that makes a signature count; it also carries the way to take it back. */
export function ConfirmSignature({ petitionTitle, confirmUrl, withdrawUrl, days }: ConfirmSignatureProps) {
  return (
    // Confirming comes first; the way to take the signature back comes after it, never above the button.
    <ActionEmail
      preview={`Confirm your signature: ${petitionTitle}`}
      heading="Confirm your signature"
      action={{ label: "Confirm my signature", url: confirmUrl }}
      after={
        <Small>
          To take your signature back at any time, use this link: {withdrawUrl}
        </Small>
      }
    >
      <P>Thank you for signing &ldquo;{petitionTitle}&rdquo;. Your signature counts once you confirm it: open the link and press the button.</P>
      <Small>The link works for {days} days. If you did not sign, ignore this email and nothing will be counted.</Small>
    </ActionEmail>
  );
}
ConfirmSignature.subject = (p: ConfirmSignatureProps) => `Confirm your signature: ${p.petitionTitle}`;
ConfirmSignature.PreviewProps = {
  petitionTitle: "Crisis houses in every region",
  confirmUrl: "http://localhost:3000/petitions/crisis-houses-abc123/confirm/token",
  withdrawUrl: "http://localhost:3000/petitions/crisis-houses-abc123/withdraw/token",
  days: 14,
} satisfies ConfirmSignatureProps;

export interface PetitionNewsProps {
  petitionTitle: string;
  subject: string;
  message: string;
  petitionUrl: string;
  stopUrl: string;
}
/** News from the organisers to signers who asked for it, each with a one-click way to stop. */
export function PetitionNews({ petitionTitle, subject, message, petitionUrl, stopUrl }: PetitionNewsProps) {
  return (
    <ActionEmail preview={subject} heading={subject} action={{ label: "See the petition", url: petitionUrl }}>
      {message.split(/\n{2,}/).map((paragraph, i) => (
        <P key={i}>{paragraph}</P>
      ))}
      <Small>
        You get this because you signed &ldquo;{petitionTitle}&rdquo; and asked for news about the campaign. To stop, use this link: {stopUrl}
      </Small>
    </ActionEmail>
  );
}
PetitionNews.subject = (p: PetitionNewsProps) => p.subject;
PetitionNews.PreviewProps = {
  petitionTitle: "A crisis house in every region",
  subject: "We delivered the petition",
  message: "We handed 10,000 signatures to the minister's office today.\n\nThank you for signing.",
  petitionUrl: "http://localhost:3000/petitions/crisis-houses-abc123",
  stopUrl: "http://localhost:3000/petitions/crisis-houses-abc123/news-off/12.token",
} satisfies PetitionNewsProps;

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
    <ActionEmail preview={`Confirm your signature: ${petitionTitle}`} heading="Confirm your signature" action={{ label: "Confirm my signature", url: confirmUrl }}>
      <P>Thank you for signing &ldquo;{petitionTitle}&rdquo;. Your signature counts once you confirm it: open the link and press the button.</P>
      <Small>
        The link works for {days} days. If you did not sign, ignore this email and nothing will be counted. To take your signature back at any time, use this
        link: {withdrawUrl}
      </Small>
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

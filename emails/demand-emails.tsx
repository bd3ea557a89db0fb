import { ActionEmail, P, Small } from "./components/action-email";

export interface DemandOutcomeProps {
  demandTitle: string;
  adopted: boolean;
  explanation: string;
  url: string;
  unsubscribeNote: string;
}
/** "You said, we did": sent to everyone who took part when a vote closes. */
export function DemandOutcome({ demandTitle, adopted, explanation, url, unsubscribeNote }: DemandOutcomeProps) {
  return (
    <ActionEmail
      preview={`${demandTitle}: ${adopted ? "adopted" : "not adopted"}`}
      heading={`${demandTitle} was ${adopted ? "adopted" : "not adopted"}`}
      action={{ label: "See the result", url }}
    >
      <P>The vote has closed. {explanation}</P>
      <P>Thank you for taking part. The full result, including a breakdown by perspective, is on the demand&apos;s page.</P>
      <Small>{unsubscribeNote}</Small>
    </ActionEmail>
  );
}
DemandOutcome.subject = (p: DemandOutcomeProps) => `Result: ${p.demandTitle} was ${p.adopted ? "adopted" : "not adopted"}`;
DemandOutcome.PreviewProps = {
  demandTitle: "Housing first for people leaving hospital",
  adopted: true,
  explanation: "34 supported and 6 opposed: a majority in support.",
  url: "http://localhost:3000/demands/1",
  unsubscribeNote: "You get this because you took part in this demand.",
} satisfies DemandOutcomeProps;

export interface AmendmentDecidedProps {
  demandTitle: string;
  accepted: boolean;
  reason: string | null;
  url: string;
}
export function AmendmentDecided({ demandTitle, accepted, reason, url }: AmendmentDecidedProps) {
  return (
    <ActionEmail
      preview={`Your amendment to ${demandTitle} was ${accepted ? "accepted" : "declined"}`}
      heading={`Your amendment was ${accepted ? "accepted" : "declined"}`}
      action={{ label: "See the demand", url }}
    >
      <P>
        {accepted
          ? `The authors of "${demandTitle}" accepted your amendment. It is now part of the text, credited to you.`
          : `The authors of "${demandTitle}" declined your amendment.`}
      </P>
      {reason ? <P>Their reason: {reason}</P> : null}
    </ActionEmail>
  );
}
AmendmentDecided.subject = (p: AmendmentDecidedProps) => `Your amendment to ${p.demandTitle} was ${p.accepted ? "accepted" : "declined"}`;
AmendmentDecided.PreviewProps = { demandTitle: "Housing first", accepted: false, reason: "We covered this in paragraph 3.", url: "http://localhost:3000/demands/1" } satisfies AmendmentDecidedProps;

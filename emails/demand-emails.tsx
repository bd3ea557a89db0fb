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

export interface CommentHiddenProps {
  demandTitle: string;
  reason: string;
  url: string;
}
/** Tells an author a moderator hid their comment, why, and how to ask for a second look. */
export function CommentHidden({ demandTitle, reason, url }: CommentHiddenProps) {
  return (
    <ActionEmail preview={`A moderator hid your comment on ${demandTitle}`} heading="A moderator hid your comment" action={{ label: "See it and ask for a review", url }}>
      <P>
        A moderator hid a comment you wrote in the discussion of &ldquo;{demandTitle}&rdquo;. Other members now see this reason in its place: {reason}
      </P>
      <P>
        If you think this was a mistake, open the discussion and choose &ldquo;Ask for a review&rdquo; under your comment. A moderator will then look
        at it again. Your account is not affected.
      </P>
    </ActionEmail>
  );
}
CommentHidden.subject = (p: CommentHiddenProps) => `A moderator hid your comment on ${p.demandTitle}`;
CommentHidden.PreviewProps = { demandTitle: "Housing first", reason: "It named a member's diagnosis without their consent.", url: "http://localhost:3000/demands/1#comment-4" } satisfies CommentHiddenProps;

export interface AmendmentOutdatedProps {
  demandTitle: string;
  url: string;
}
/** Another amendment was accepted and changed the text yours replaces: update it in one step. */
export function AmendmentOutdated({ demandTitle, url }: AmendmentOutdatedProps) {
  return (
    <ActionEmail preview={`The text your amendment changes has moved on`} heading="Your amendment needs updating" action={{ label: "Update my amendment", url }}>
      <P>
        The authors of &ldquo;{demandTitle}&rdquo; accepted another amendment that changed the text yours replaces, so yours cannot be accepted as it
        stands.
      </P>
      <P>Open it to see the new text and update your amendment in one step. The discussion stays with it, and so do its supporters if you keep your wording.</P>
    </ActionEmail>
  );
}
AmendmentOutdated.subject = (p: AmendmentOutdatedProps) => `Your amendment to ${p.demandTitle} needs updating`;
AmendmentOutdated.PreviewProps = { demandTitle: "Housing first", url: "http://localhost:3000/demands/1/amendments/3#update" } satisfies AmendmentOutdatedProps;

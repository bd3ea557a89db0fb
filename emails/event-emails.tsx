import { ActionEmail, P, Small } from "./components/action-email";

export interface ConfirmEventRegistrationProps {
  eventTitle: string;
  when: string;
  confirmUrl: string;
  days: number;
}
/** The one step that turns a public registration into a place (or a place on the waiting list). */
export function ConfirmEventRegistration({ eventTitle, when, confirmUrl, days }: ConfirmEventRegistrationProps) {
  return (
    <ActionEmail preview={`Confirm your place: ${eventTitle}`} heading="Confirm your place" action={{ label: "Confirm my place", url: confirmUrl }}>
      <P>
        Thank you for registering for &ldquo;{eventTitle}&rdquo; ({when}). Open the link and press the button to confirm: places are given in the order people confirm.
      </P>
      <Small>The link works for {days} days. If you did not register, ignore this email and nothing happens.</Small>
    </ActionEmail>
  );
}
ConfirmEventRegistration.subject = (p: ConfirmEventRegistrationProps) => `Confirm your place: ${p.eventTitle}`;
ConfirmEventRegistration.PreviewProps = {
  eventTitle: "Members' assembly",
  when: "Saturday 6 March 2027, 10:30 GMT",
  confirmUrl: "http://localhost:3000/events/12/confirm/token",
  days: 7,
} satisfies ConfirmEventRegistrationProps;

export interface EventMessageProps {
  subject: string;
  heading: string;
  paragraphs: string[];
  action: { label: string; url: string };
  /** For people without an account: their way to give up their place. */
  cancelUrl?: string | null;
}
/**
 * What happens to a registration (a place, the waiting list, moved up, cancelled, a reminder). It says
 * nothing of access needs beyond "you told us about access needs": they are for the hosts only.
 */
export function EventMessage({ heading, paragraphs, action, cancelUrl }: EventMessageProps) {
  return (
    <ActionEmail
      preview={heading}
      heading={heading}
      action={action}
      after={cancelUrl ? <Small>If you cannot come, please give up your place so someone on the waiting list can have it: {cancelUrl}</Small> : undefined}
    >
      {paragraphs.map((paragraph, i) => (
        <P key={i}>{paragraph}</P>
      ))}
    </ActionEmail>
  );
}
EventMessage.subject = (p: EventMessageProps) => p.subject;
EventMessage.PreviewProps = {
  subject: "You have a place: Members' assembly",
  heading: "You have a place",
  paragraphs: ["You have a place at “Members' assembly” on Saturday 6 March 2027, 10:30 GMT.", "You told us about access needs: the hosts will be in touch if they have questions."],
  action: { label: "See the event", url: "http://localhost:3000/events/12" },
  cancelUrl: "http://localhost:3000/events/12/cancel/5.abc",
} satisfies EventMessageProps;

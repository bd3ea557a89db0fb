import { ActionEmail, P, Small } from "./components/action-email";

/**
 * What a teller hears of a moderator's decision on their story. A story is special-category data when
 * it touches health, and a title can say as much as the text, so neither is ever in an email: the
 * email says "your story" (and the public title of the demand it is about), and links to where the
 * teller reads it on Chorus.
 */
export interface StoryDecisionProps {
  decision: "published" | "changes_requested" | "declined" | "safeguarding";
  /** The moderator's reason, shown to the teller; null when publishing and always for safeguarding. */
  reason: string | null;
  /** The demand the story is about, when there is one. */
  demandTitle: string | null;
  url: string;
  /** The teller has no account: the link opens the page they told their story from. */
  withoutAccount: boolean;
}

const SUBJECTS: Record<StoryDecisionProps["decision"], string> = {
  published: "Your story is published",
  changes_requested: "A moderator asked you to change something in your story",
  declined: "Your story was not published",
  safeguarding: "About the story you shared with us",
};

function about(demandTitle: string | null) {
  return demandTitle ? <>your story about &ldquo;{demandTitle}&rdquo;</> : <>your story</>;
}

export function StoryDecision({ decision, reason, demandTitle, url, withoutAccount }: StoryDecisionProps) {
  const label = withoutAccount ? "Open the page you told it from" : "See your story";
  if (decision === "safeguarding") {
    return (
      <ActionEmail preview="We have not published your story, and we want to check you are safe" heading={SUBJECTS.safeguarding} action={{ label, url }}>
        <P>Thank you for trusting us with {about(demandTitle)}. When a moderator read it, something in it made us worried about your safety, or someone else&apos;s. We have not published it, and nobody else can read it.</P>
        <P>If you need help now, these services are free and open now:</P>
        <P>
          Call 999 if you or someone else is in immediate danger.
          <br />
          Call NHS 111 and choose option 2 for urgent mental health help, any time of day or night.
          <br />
          Call Samaritans on 116 123, free, 24 hours a day.
          <br />
          Text SHOUT to 85258 if you would rather not talk.
        </P>
        <P>Someone from the coalition may contact you to check you are all right. You do not have to reply. Chorus is not a support service, and nobody monitors it around the clock.</P>
        <P>Your story stays yours: you can still change who may read it, or withdraw it, at any time.</P>
      </ActionEmail>
    );
  }
  return (
    <ActionEmail preview={SUBJECTS[decision]} heading={SUBJECTS[decision]} action={{ label, url }}>
      {decision === "published" ? (
        <P>A moderator read {about(demandTitle)} and published it. The people you chose can read it now, under the name you chose. You can change either, or withdraw it, at any time.</P>
      ) : decision === "changes_requested" ? (
        <>
          <P>A moderator read {about(demandTitle)} and asked you to change something before it is published. They said: {reason}</P>
          <P>Nobody else can read it until it is published. You can change it, or withdraw it, at any time.</P>
        </>
      ) : (
        <>
          <P>A moderator read {about(demandTitle)} and decided not to publish it. They said: {reason}</P>
          <P>Nobody else can read it. Thank you for sharing it with us. You can withdraw it at any time.</P>
        </>
      )}
    </ActionEmail>
  );
}
StoryDecision.subject = (p: StoryDecisionProps) => SUBJECTS[p.decision];
StoryDecision.PreviewProps = { decision: "changes_requested", reason: "Please take out the name of the ward: it could identify the nurse.", demandTitle: "Housing first", url: "http://localhost:3000/stories/1", withoutAccount: false } satisfies StoryDecisionProps;


export interface StoryTellerLinkProps {
  /** What the story was added to ("your signature to “…”"), never anything of the story itself. */
  cameFrom: string;
  tellerUrl: string;
  /** Days the link works; a new one can be asked for from the page it opens. */
  days: number;
}
/**
 * To a teller without an account: their story's own link, to see its status, change their choices
 * or withdraw it. Never the story's title or words: an email can be read over a shoulder, forwarded
 * or kept by a provider, and a story about health is special-category data.
 */
export function StoryTellerLink({ cameFrom, tellerUrl, days }: StoryTellerLinkProps) {
  return (
    <ActionEmail preview="Your story: your link to it" heading="Thank you for your story" action={{ label: "See or change your story", url: tellerUrl }}>
      <P>You added a story with {cameFrom}. A moderator will read it before anyone else can; we will not email you its words.</P>
      <P>With the button you can see whether it has been published, change who may read it and under which name, or withdraw it at any time.</P>
      <Small>Keep this email to yourself: anyone with the link can change or withdraw your story. The link works for {days} days, and the page it opens can send you a new one, which stops this one working.</Small>
    </ActionEmail>
  );
}
StoryTellerLink.subject = () => "Your story: your link to see or change it";
StoryTellerLink.PreviewProps = { cameFrom: "your signature to “Fund crisis houses”", tellerUrl: "http://localhost:3000/stories/1/teller/1.1.1.token", days: 365 } satisfies StoryTellerLinkProps;

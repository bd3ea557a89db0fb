import { ActionEmail, P, Small } from "./components/action-email";

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

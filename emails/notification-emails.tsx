import { Heading, Link, Section, Text } from "@react-email/components";
import { ActionEmail, P } from "./components/action-email";
import { EmailLayout, styles } from "./components/email-layout";

/** What every notification email says at the bottom: why it came, one link to stop it, one to choose. */
export interface StopLinks {
  reason: string;
  stopUrl: string;
  settingsUrl: string;
}

// No punctuation straight after a link: mail programs would take it into the address.
function Footer({ reason, stopUrl, settingsUrl }: StopLinks) {
  return (
    <>
      {reason}
      <br />
      Stop these emails: <Link href={stopUrl}>{stopUrl}</Link>
      <br />
      Choose what you get and how often: <Link href={settingsUrl}>{settingsUrl}</Link>
    </>
  );
}

export interface NotificationProps extends StopLinks {
  heading: string;
  paragraphs: string[];
  action: { label: string; url: string };
}
/** One notification, sent straight away (the member chose "immediately" for its kind). */
export function Notification({ heading, paragraphs, action, ...stop }: NotificationProps) {
  return (
    <ActionEmail preview={heading} heading={heading} action={action} footer={<Footer {...stop} />}>
      {paragraphs.map((p, i) => (
        <P key={i}>{p}</P>
      ))}
    </ActionEmail>
  );
}
Notification.subject = (p: NotificationProps) => p.heading;
Notification.PreviewProps = {
  heading: "Sam replied to your comment on Housing first",
  paragraphs: ["“I agree, and the same happened in Leeds.”"],
  action: { label: "See the reply", url: "http://localhost:3000/demands/1#comment-4" },
  reason: "You get this because you commented on this demand.",
  stopUrl: "http://localhost:3000/unsubscribe/1-comment_reply.token",
  settingsUrl: "http://localhost:3000/settings/notifications",
} satisfies NotificationProps;

export interface NotificationDigestProps extends StopLinks {
  cadence: "daily" | "weekly";
  groups: Array<{ title: string; items: Array<{ title: string; url: string }> }>;
  moreUrl: string;
}
/** The daily or weekly digest: notifications grouped by the demand or campaign they are about. */
export function NotificationDigest({ cadence, groups, moreUrl, ...stop }: NotificationDigestProps) {
  const count = groups.reduce((n, g) => n + g.items.length, 0);
  return (
    <EmailLayout preview={`${count} ${count === 1 ? "thing" : "things"} on Chorus`} footer={<Footer {...stop} />}>
      <Heading style={styles.heading}>Your {cadence} summary from Chorus</Heading>
      {groups.map((g) => (
        <Section key={g.title}>
          <Text style={{ ...styles.text, fontWeight: 700, margin: "0 0 4px" }}>{g.title}</Text>
          {g.items.map((item, i) => (
            <Text key={i} style={{ ...styles.text, margin: "0 0 4px" }}>
              <Link href={item.url}>{item.title}</Link>
            </Text>
          ))}
          <Text style={{ margin: "0 0 12px" }}> </Text>
        </Section>
      ))}
      <Text style={styles.small}>
        Everything is also in your notifications: <Link href={moreUrl}>{moreUrl}</Link>
      </Text>
    </EmailLayout>
  );
}
NotificationDigest.subject = (p: NotificationDigestProps) => `Your ${p.cadence} summary from Chorus`;
NotificationDigest.PreviewProps = {
  cadence: "daily",
  groups: [{ title: "Housing first", items: [{ title: "Voting opened", url: "http://localhost:3000/demands/1" }] }],
  moreUrl: "http://localhost:3000/notifications",
  reason: "You get this because you chose a daily summary.",
  stopUrl: "http://localhost:3000/unsubscribe/1-digest.token",
  settingsUrl: "http://localhost:3000/settings/notifications",
} satisfies NotificationDigestProps;

import { Button, Heading, Link, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { EmailLayout, styles } from "./email-layout";

/**
 * The shape of most service emails: a heading, a few sentences, one button, and the link written
 * out for people whose mail program hides buttons. No promotion in service mail.
 */
export function ActionEmail({
  preview,
  heading,
  children,
  action,
  after,
  footer,
}: {
  preview: string;
  heading: string;
  children: ReactNode;
  action?: { label: string; url: string };
  after?: ReactNode;
  /** Replaces the layout's footer (notification mail says why it came and how to stop it). */
  footer?: ReactNode;
}) {
  return (
    <EmailLayout preview={preview} footer={footer}>
      <Heading style={styles.heading}>{heading}</Heading>
      {children}
      {action ? (
        <>
          <Text style={styles.text}>
            <Button href={action.url} style={styles.button}>
              {action.label}
            </Button>
          </Text>
          <Text style={styles.small}>
            Or copy this address into your browser: <Link href={action.url}>{action.url}</Link>
          </Text>
        </>
      ) : null}
      {after}
    </EmailLayout>
  );
}

export const P = ({ children }: { children: ReactNode }) => <Text style={styles.text}>{children}</Text>;
export const Small = ({ children }: { children: ReactNode }) => <Text style={styles.small}>{children}</Text>;

import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/** The frame every Chorus email shares: plain, readable, no images, no tracking. */
export function EmailLayout({ preview, children, footer }: { preview: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <Html lang="en">
      <Head>
        {/* Without it phones lay the message out 980 px wide and shrink it to unreadable text. */}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>Chorus</Text>
          <Section>{children}</Section>
          <Hr style={styles.rule} />
          <Text style={styles.footer}>
            {footer ??
              "You are receiving this because of something you or someone else did on Chorus. If it was not you, you can ignore this email."}
          </Text>
          <Text style={styles.footer}>
            If you are struggling right now: call 999 in an emergency, NHS 111 (option 2) for urgent mental health
            help, or Samaritans free on 116 123, any time. You can also text SHOUT to 85258.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const styles = {
  body: { backgroundColor: "#f6f5f2", fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", color: "#1f2328" },
  container: { backgroundColor: "#ffffff", margin: "24px auto", padding: "24px 32px", maxWidth: "560px", borderRadius: "8px" },
  brand: { fontSize: "20px", fontWeight: 700, color: "#2f5d50", margin: "0 0 16px" },
  heading: { fontSize: "22px", lineHeight: "30px", margin: "0 0 16px" },
  text: { fontSize: "16px", lineHeight: "26px", margin: "0 0 16px" },
  button: { backgroundColor: "#2f5d50", color: "#ffffff", padding: "12px 20px", borderRadius: "6px", fontWeight: 600, textDecoration: "none" },
  small: { fontSize: "14px", lineHeight: "22px", color: "#555" },
  rule: { borderColor: "#e4e2dc", margin: "24px 0 16px" },
  footer: { fontSize: "13px", lineHeight: "20px", color: "#666", margin: "0 0 8px" },
} as const;

import { Heading, Text } from "@react-email/components";
import { EmailLayout, styles } from "./components/email-layout";

export interface TestEmailProps {
  recipientName: string;
  message: string;
}

/** Sent by `npm run email:test` and the pipeline's own tests: proves delivery works end to end. */
export function TestEmail({ recipientName, message }: TestEmailProps) {
  return (
    <EmailLayout preview="A test message from Chorus">
      <Heading style={styles.heading}>Hello {recipientName}</Heading>
      <Text style={styles.text}>{message}</Text>
    </EmailLayout>
  );
}

TestEmail.subject = (_props: TestEmailProps) => "A test message from Chorus";

TestEmail.PreviewProps = { recipientName: "Sam", message: "If you can read this, Chorus can send email." } satisfies TestEmailProps;

export default TestEmail;

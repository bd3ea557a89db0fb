import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LinkLanding } from "~/components/link-landing";
import { findUsableEmailToken } from "~/models/email-token.server";
import { confirmNotificationEmail } from "~/services/account.server";
import { requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { hashToken } from "~/utils/tokens.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Confirm your notification email");

/** Opening the link changes nothing (mail scanners open links); the button below does. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const token = await findUsableEmailToken(db, hashToken(params.token ?? ""), "notification_email");
  return { valid: token?.member_id === member.id, email: token?.member_id === member.id ? token.email : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const email = await confirmNotificationEmail(db, member.id, params.token ?? "");
  if (!email) return redirectWithFlash(request, "/settings/email", { kind: "error", message: "That link has expired or was already used. Enter the address again to get a new one." });
  return redirectWithFlash(request, "/settings/email", { kind: "success", message: `Notifications now go to ${email}.` });
}

export default function ConfirmNotificationEmail() {
  const { valid, email } = useLoaderData<typeof loader>();
  return (
    <LinkLanding
      valid={valid}
      title="Confirm your notification email"
      button="Send notifications here"
      expiredMessage="Links to confirm an email work once and for an hour, and only for the account that asked."
      retry={{ to: "/settings/email", label: "Try again" }}
    >
      <p>
        Press the button to get Chorus notifications at <strong>{email}</strong> from now on.
      </p>
    </LinkLanding>
  );
}

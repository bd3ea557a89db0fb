import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LinkLanding } from "~/components/link-landing";
import { findUsableEmailToken } from "~/models/email-token.server";
import { confirmEmailChange } from "~/services/account.server";
import { requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { hashToken } from "~/utils/tokens.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Confirm your new email");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const token = await findUsableEmailToken(db, hashToken(params.token ?? ""), "change_email");
  return { valid: token?.member_id === member.id, email: token?.member_id === member.id ? token.email : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const result = await confirmEmailChange(db, member.id, params.token ?? "", { keepSessionId: member.sessionId });
  if (!result.ok) {
    const message = result.reason === "taken" ? "That address now belongs to another account, so it cannot be used." : "That link has expired or was already used.";
    return redirectWithFlash(request, "/settings/email", { kind: "error", message });
  }
  return redirectWithFlash(request, "/settings/email", { kind: "success", message: `You now sign in with ${result.email}. You are signed out everywhere else.` });
}

export default function ConfirmEmailChange() {
  const { valid, email } = useLoaderData<typeof loader>();
  return (
    <LinkLanding
      valid={valid}
      title="Confirm your new email"
      button="Use this email"
      expiredMessage="Links to confirm an email work once and for an hour, and only for the account that asked."
      retry={{ to: "/settings/email", label: "Try again" }}
    >
      <p>
        Press the button to sign in with <strong>{email}</strong> from now on.
      </p>
    </LinkLanding>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LinkLanding } from "~/components/link-landing";
import { findUsableEmailToken } from "~/models/email-token.server";
import { confirmEmail } from "~/services/account.server";
import { startSession } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { hashToken } from "~/utils/tokens.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Confirm your email");

export async function loader({ params }: LoaderFunctionArgs) {
  const token = await findUsableEmailToken(db, hashToken(params.token ?? ""), "verify_email");
  return { valid: Boolean(token) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const memberId = await confirmEmail(db, params.token ?? "");
  if (!memberId) return redirectWithFlash(request, `/verify-email/${params.token}`, { kind: "error", message: "That link has expired or was already used." });
  const cookie = await startSession(db, memberId, request);
  return redirectWithFlash(
    request,
    "/welcome",
    { kind: "success", message: "Your email is confirmed. Welcome to Chorus." },
    { headers: { "Set-Cookie": cookie } },
  );
}

export default function VerifyEmail() {
  const { valid } = useLoaderData<typeof loader>();
  return (
    <LinkLanding
      valid={valid}
      title="Confirm your email"
      button="Confirm my email"
      expiredMessage="Links to confirm an email work once and for an hour. Join again with the same email to get a new one."
      retry={{ to: "/join", label: "Get a new link" }}
    >
      <p>Press the button to confirm your email address and finish joining Chorus.</p>
    </LinkLanding>
  );
}

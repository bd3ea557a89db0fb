import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LinkLanding } from "~/components/link-landing";
import { findUsableEmailToken } from "~/models/email-token.server";
import { signInWithLink } from "~/services/account.server";
import { startSession } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { hashToken } from "~/utils/tokens.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Sign in");

export async function loader({ params }: LoaderFunctionArgs) {
  const token = await findUsableEmailToken(db, hashToken(params.token ?? ""), "sign_in");
  return { valid: Boolean(token) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const memberId = await signInWithLink(db, params.token ?? "");
  if (!memberId) return redirectWithFlash(request, `/sign-in/link/${params.token}`, { kind: "error", message: "That link has expired or was already used." });
  const cookie = await startSession(db, memberId, request);
  return redirectWithFlash(request, "/", { kind: "success", message: "You are signed in." }, { headers: { "Set-Cookie": cookie } });
}

export default function SignInWithLink() {
  const { valid } = useLoaderData<typeof loader>();
  return (
    <LinkLanding
      valid={valid}
      title="Sign in to Chorus"
      button="Sign in"
      expiredMessage="Sign-in links work once and for an hour. Ask for a new one."
      retry={{ to: "/sign-in", label: "Get a new link" }}
    >
      <p>Press the button to sign in on this device.</p>
    </LinkLanding>
  );
}

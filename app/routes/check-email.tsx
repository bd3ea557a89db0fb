import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readSentTo } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, args.data?.joined ? "Confirm your email to finish joining" : "Check your email");

const copy = {
  // Someone who has just joined: welcome them and say the one step left. The same words whether or not the
  // address already had an account (that email explains how to sign in instead), so nothing is revealed.
  join: "Thank you for joining. Open the link in that email to confirm your address and finish joining. The link works once and expires in an hour. If you already had an account with this address, the email tells you how to sign in instead.",
  "sign-in": "We have sent an email with what to do next. A sign-in link works once and expires in an hour.",
  reset: "We have sent an email with what to do next. A link to set a new password works once and expires in an hour.",
  "change-email": "If that address can be used, we have sent it a link to confirm the change. It expires in an hour.",
  // The same words whether the signature is new, repeated or already confirmed.
  petition: "To count your signature, open the link in that email and press the button. The link works for 14 days. If you have already confirmed, your signature counts and there is nothing more to do.",
  letter: "Your letter is sent once you confirm it: open the link in that email and press the button. The link works for 14 days. Nothing is sent until then.",
} as const;

/** The same page for known and unknown emails: it never says whether an account exists. */
export async function loader({ request }: LoaderFunctionArgs) {
  const kind = new URL(request.url).searchParams.get("for");
  // Signers and letter writers have no account: "back to sign in" would make no sense to them.
  const anonymous = kind === "petition" || kind === "letter";
  return { message: copy[(kind ?? "sign-in") as keyof typeof copy] ?? copy["sign-in"], email: await readSentTo(request), anonymous, joined: kind === "join" };
}

export default function CheckEmail() {
  const { message, email, anonymous, joined } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <h1>{joined ? "Confirm your email to finish joining" : "Check your email"}</h1>
      {email ? (
        <p className="lead">
          We have sent a message to <strong>{email}</strong>.
        </p>
      ) : null}
      <p>{message}</p>
      <p>If nothing arrives in a few minutes, check your spam folder, or try again.</p>
      <p>
        {anonymous ? (
          <Link to="/campaigns">See the coalition&apos;s campaigns</Link>
        ) : joined ? (
          <>
            Used the wrong address? <Link to="/join">Join again with the right one</Link>. While you wait, <Link to="/about">read about Chorus</Link>.
          </>
        ) : (
          <Link to="/sign-in">Back to sign in</Link>
        )}
      </p>
    </div>
  );
}

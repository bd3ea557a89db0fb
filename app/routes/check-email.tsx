import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readSentTo } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Check your email");

const copy = {
  join: "If you can take part, we have sent a link to confirm your email. It works once and expires in an hour.",
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
  return { message: copy[(kind ?? "sign-in") as keyof typeof copy] ?? copy["sign-in"], email: await readSentTo(request), anonymous };
}

export default function CheckEmail() {
  const { message, email, anonymous } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <h1>Check your email</h1>
      {email ? (
        <p className="lead">
          We have sent a message to <strong>{email}</strong>.
        </p>
      ) : null}
      <p>{message}</p>
      <p>If nothing arrives in a few minutes, check your spam folder, or try again.</p>
      <p>
        {anonymous ? <Link to="/campaigns">See the coalition&apos;s campaigns</Link> : <Link to="/sign-in">Back to sign in</Link>}
      </p>
    </div>
  );
}

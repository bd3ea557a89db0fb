import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { acceptInvitation, getInvitationByToken } from "~/services/organisation.server";
import { getCurrentMember, requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Invitation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  const invitation = await getInvitationByToken(db, params.token ?? "");
  const usable = invitation && !invitation.accepted_at && new Date(invitation.expires_at) > new Date();
  return {
    usable: Boolean(usable),
    organisationName: usable ? invitation.organisation_name : null,
    signedIn: Boolean(member),
    here: new URL(request.url).pathname,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const result = await acceptInvitation(db, member.id, params.token ?? "");
  if (!result.ok) return redirectWithFlash(request, `/invitations/${params.token}`, { kind: "error", message: "That invitation has expired or was already used." });
  return redirectWithFlash(request, `/organisations/${result.slug}`, { kind: "success", message: "You have joined the organisation." });
}

export default function Invitation() {
  const { usable, organisationName, signedIn, here } = useLoaderData<typeof loader>();
  if (!usable) {
    return (
      <div className="prose">
        <h1>This invitation has expired</h1>
        <p>Invitations work once and for 14 days. Ask the organisation&apos;s admin to invite you again.</p>
      </div>
    );
  }
  return (
    <div className="prose">
      <h1>Join {organisationName}</h1>
      <p>You have been invited to join {organisationName} on Chorus.</p>
      {signedIn ? (
        <Form method="post">
          <button type="submit" className="button">
            Accept and join {organisationName}
          </button>
        </Form>
      ) : (
        <>
          <p>Sign in to accept. If you do not have an account yet, join Chorus first, then open this invitation again.</p>
          <div className="button-row">
            <Link to={`/sign-in?${new URLSearchParams({ redirectTo: here })}`} className="button">
              Sign in to accept
            </Link>
            <Link to="/join" className="button button--secondary">
              Join Chorus
            </Link>
          </div>
        </>
      )}
    </div>
  );
}

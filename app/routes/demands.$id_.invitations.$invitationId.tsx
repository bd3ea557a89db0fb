import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { getAuthorInvitation } from "~/models/author-invitation.server";
import { requireMember } from "~/members/session.server";
import { acceptCoauthorInvitation, declineCoauthorInvitation } from "~/services/coauthors.server";
import { AUTHOR_INVITATION_DAYS, invitationState, type InvitationState } from "~/demands/coauthors";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseId } from "~/utils/ids";
import { formatLondonLong } from "~/utils/london-time";
import { badRequest, forbidden, notFound } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Invitation to co-author");

/** An invitation that can no longer be answered is gone (410); the page says what became of it. */
const GONE: Exclude<InvitationState, "open" | "accepted">[] = ["declined", "withdrawn", "expired", "closed"];

/**
 * The page an invitation to co-author links to. Only the invited member may see or answer it:
 * anyone else is refused (403) before anything of the demand, which may be a private draft, is
 * read out. Opening it changes nothing; the buttons do.
 */
async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const member = await requireMember(request);
  const demandId = parseId(params.id);
  const invitationId = parseId(params.invitationId);
  const invitation = invitationId === null ? undefined : await getAuthorInvitation(db, invitationId);
  if (!invitation || Number(invitation.demand_id) !== demandId) notFound();
  if (Number(invitation.member_id) !== member.id) forbidden();
  return { member, invitation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { invitation } = await load(request, params);
  const state = invitationState(invitation, invitation.stage);
  return data(
    {
      state,
      demand: { id: Number(invitation.demand_id), title: invitation.title, summary: invitation.summary, draft: invitation.stage === "draft" },
      invitedBy: invitation.inviter_deleted_at ? "A former member" : (invitation.inviter_name ?? "A former member"),
      expiresAt: invitation.expires_at,
    },
    { status: (GONE as string[]).includes(state) ? 410 : 200 },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, invitation } = await load(request, params);
  const intent = String((await request.formData()).get("intent"));
  if (intent !== "accept" && intent !== "decline") badRequest();
  const result = intent === "accept" ? await acceptCoauthorInvitation(db, invitation.id, member.id) : await declineCoauthorInvitation(db, invitation.id, member.id);
  if (!result.ok) {
    if (result.reason === "not-found") notFound();
    if (result.reason === "not-invitee") forbidden();
    // The page as it now stands says why (withdrawn, expired, answered already).
    return data({ refused: result.reason }, { status: result.reason === "accepted" ? 409 : 410 });
  }
  if (intent === "accept") return redirectWithFlash(request, `/demands/${result.demandId}`, { kind: "success", message: `You are now a co-author of “${invitation.title}”. You can edit its text.` });
  return redirectWithFlash(request, "/", { kind: "success", message: `You declined the invitation to co-author “${invitation.title}”. Nobody is told.` });
}

export default function CoauthorInvitation() {
  const { state: loaded, demand, invitedBy, expiresAt } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>()?.refused;
  const state = refused ?? loaded;
  if (state === "open") {
    return (
      <div className="prose">
        <h1>Co-author “{demand.title}”?</h1>
        <p>
          {invitedBy} invited you to write this demand with them{demand.draft ? ". It is a private draft: only its authors can read it" : ""}.
        </p>
        <section className="card" aria-labelledby="summary-heading">
          <h2 id="summary-heading">The demand&apos;s summary</h2>
          <p>{demand.summary}</p>
        </section>
        <p>
          Co-authors edit the text together (every save is a numbered revision with your name), decide on the amendments members propose, and can take the demand
          through its process. Your name is shown as one of its authors.
        </p>
        <p>The invitation is open until {formatLondonLong(expiresAt)}. If you decline, nobody is told.</p>
        <Form method="post" className="button-row">
          <button type="submit" name="intent" value="accept" className="button">
            Accept and become a co-author
          </button>
          <button type="submit" name="intent" value="decline" className="button button--secondary">
            Decline
          </button>
        </Form>
      </div>
    );
  }
  return (
    <div className="prose">
      {refused ? <ErrorSummary errors={{ form: REFUSALS[refused] }} /> : null}
      <h1>{HEADINGS[state]}</h1>
      <p>{explain(state)}</p>
      {state === "accepted" ? (
        <p>
          <Link to={`/demands/${demand.id}`}>Go to “{demand.title}”</Link>
        </p>
      ) : (
        <p>
          <Link to="/notifications">Back to your notifications</Link>
        </p>
      )}
    </div>
  );
}

/** Why an answer just given was not recorded (the page below says what became of the invitation). */
const REFUSALS: Record<Exclude<InvitationState, "open">, string> = {
  accepted: "You have already accepted this invitation, so nothing changed.",
  declined: "You have already declined this invitation, so it can no longer be accepted.",
  withdrawn: "This invitation was withdrawn, so it can no longer be answered.",
  expired: "This invitation has expired, so it can no longer be answered.",
  closed: "This demand no longer takes co-authors, so the invitation can no longer be accepted.",
};

const HEADINGS: Record<Exclude<InvitationState, "open">, string> = {
  accepted: "You are a co-author",
  declined: "You declined this invitation",
  withdrawn: "This invitation was withdrawn",
  expired: "This invitation has expired",
  closed: "This demand is no longer being written",
};

function explain(state: Exclude<InvitationState, "open">) {
  switch (state) {
    case "accepted":
      return "You accepted this invitation, so you are already one of the demand's authors.";
    case "declined":
      return "You declined this invitation, so there is nothing more to do. If you change your mind, ask one of its authors to invite you again.";
    case "withdrawn":
      return "An author of the demand withdrew this invitation, so it can no longer be accepted. Nothing has changed for you.";
    case "expired":
      return `Invitations to co-author last ${AUTHOR_INVITATION_DAYS} days, and this one has run out. If you would still like to co-author the demand, ask one of its authors to invite you again.`;
    case "closed":
      return "The demand has moved past drafting and consultation, so its text is settled and it takes no new co-authors.";
  }
}

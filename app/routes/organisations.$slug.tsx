import { FollowButton } from "~/components/follow-button";
import { isFollowing } from "~/models/follow.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { TextArea } from "~/components/form-field";
import { VerifiedBadge } from "~/components/organisation-badge";
import { listOrganisationEndorsements } from "~/models/demand.server";
import { getJoinRequest, listOrganisationMembers } from "~/models/organisation.server";
import { changeOrganisationMember, requestToJoin } from "~/services/organisation.server";
import { assertCan, getCurrentMember, requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf } from "~/utils/forms";
import { loadOrganisation } from "~/organisations/access.server";
import { ORGANISATION_KIND_LABELS } from "~/organisations/labels";
import { can } from "~/members/permissions";
import { invalid, notFound } from "~/utils/responses.server";
import { JoinRequestSchema } from "~/organisations/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation.name ?? "Organisation"} – Chorus` }];


export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  const { organisation, membership, context } = await loadOrganisation(params.slug, member);
  // An unverified organisation is visible only to its own members and coalition admins.
  if (organisation.status !== "verified" && !can(member, "organisation.viewPending", context)) notFound();
  const [members, pendingRequest, endorsements] = await Promise.all([
    listOrganisationMembers(db, organisation.id, { listedOnly: true }),
    member ? getJoinRequest(db, organisation.id, member.id) : undefined,
    listOrganisationEndorsements(db, organisation.id),
  ]);
  return {
    organisation: { name: organisation.name, slug: organisation.slug, kind: organisation.kind, status: organisation.status, description: organisation.description, website: organisation.website },
    members: members.map((m) => ({ id: m.id, displayName: m.display_name, role: m.role })),
    endorsements,
    signedIn: Boolean(member),
    membership: membership?.role ?? null,
    canManage: can(member, "organisation.manage", context),
    canRequest: can(member, "organisation.requestToJoin", context) && !pendingRequest,
    requested: Boolean(pendingRequest),
    follow: member && organisation.status === "verified" ? { id: organisation.id, following: await isFollowing(db, `organisation:${organisation.id}`, member.id) } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const { organisation, context } = await loadOrganisation(params.slug, member);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "leave") {
    assertCan(member, "organisation.leave", context);
    const result = await changeOrganisationMember(db, member.id, organisation.id, member.id, "remove");
    if (result === "last-admin") return invalid({ form: "You are this organisation's only admin. Make another member an admin before you leave." });
    return redirectWithFlash(request, `/organisations/${organisation.slug}`, { kind: "success", message: `You have left ${organisation.name}.` });
  }
  assertCan(member, "organisation.requestToJoin", context);
  const parsed = parseForm(JoinRequestSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  await requestToJoin(db, member.id, organisation.id, parsed.data.message);
  return redirectWithFlash(request, `/organisations/${organisation.slug}`, { kind: "success", message: "Your request was sent to the organisation's admins." });
}

export default function OrganisationPage() {
  const { organisation, members, endorsements, signedIn, membership, canManage, canRequest, requested, follow } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <div className="page-heading">
        <h1>{organisation.name}</h1>
        <p className="muted">
          {ORGANISATION_KIND_LABELS[organisation.kind]} <VerifiedBadge status={organisation.status} />
        </p>
        {follow ? <FollowButton subject={`organisation:${follow.id}`} following={follow.following} name={organisation.name} back={`/organisations/${organisation.slug}`} /> : null}
      </div>
      <div className="prose">
        {organisation.description ? <p>{organisation.description}</p> : null}
        {organisation.website ? (
          <p>
            Website:{" "}
            <a href={organisation.website} rel="noopener noreferrer nofollow">
              {organisation.website}
            </a>
          </p>
        ) : null}
      </div>
      {canManage ? (
        <p>
          <Link to={`/organisations/${organisation.slug}/manage`} className="button button--secondary">
            Manage members and invitations
          </Link>
        </p>
      ) : null}

      <section className="section">
        <h2>Demands it endorses</h2>
        {endorsements.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul>
            {endorsements.map((e) => (
              <li key={e.id}>
                <Link to={`/demands/${e.id}`}>{e.title}</Link>: &ldquo;{e.statement}&rdquo;
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section">
        <h2>Members</h2>
        {members.length === 0 ? (
          <p>No members have chosen to be listed.</p>
        ) : (
          <ul>
            {members.map((m) => (
              <li key={m.id}>
                {m.displayName}
                {m.role === "admin" ? <span className="muted"> (admin)</span> : null}
              </li>
            ))}
          </ul>
        )}
        <p className="small muted">Members choose whether they are listed here.</p>
      </section>

      {membership ? (
        <Form method="post" className="section">
          <p>You are {membership === "admin" ? "an admin" : "a member"} of this organisation.</p>
          <button type="submit" name="intent" value="leave" className="button button--secondary">
            Leave {organisation.name}
          </button>
        </Form>
      ) : requested ? (
        <p className="notice">You have asked to join. An admin of the organisation will decide.</p>
      ) : canRequest ? (
        <Form method="post" className="form section" noValidate>
          <h2>Ask to join</h2>
          <input type="hidden" name="intent" value="request" />
          <TextArea name="message" label="A message for the admins (optional)" limit={500} rows={3} defaultValue={valueOf(result?.values, "message")} error={result?.errors.message} />
          <button type="submit" className="button">
            Ask to join
          </button>
        </Form>
      ) : !signedIn ? (
        <p>
          <Link to={`/sign-in?redirectTo=/organisations/${organisation.slug}`}>Sign in</Link> to ask to join.
        </p>
      ) : null}
    </>
  );
}

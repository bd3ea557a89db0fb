import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/form-field";
import { listJoinRequests, listOrganisationMembers, listPendingInvitations } from "~/models/organisation.server";
import { changeOrganisationMember, decideJoinRequest, inviteToOrganisation } from "~/services/organisation.server";
import { assertCan, requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { EmailField } from "~/utils/fields";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm, valueOf } from "~/utils/forms";
import { loadOrganisation } from "~/organisations/access.server";
import { checkRateLimit, RATE_LIMITS } from "~/services/rate-limit.server";
import { badRequest, invalid } from "~/utils/responses.server";
import { parseId } from "~/utils/ids";
import { IdField } from "~/utils/fields";
import { TableFrame } from "~/components/table-frame";
import { ConfirmPanel } from "~/components/confirm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Manage ${data?.organisation.name ?? "organisation"} – Chorus` }];

export const InviteSchema = z.object({ email: EmailField });
const MemberActionSchema = z.object({
  intent: z.enum(["make-admin", "make-member", "remove", "accept", "decline"]),
  memberId: IdField,
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const { organisation, context } = await loadOrganisation(params.slug, member);
  assertCan(member, "organisation.manage", context);
  const [members, invitations, requests] = await Promise.all([
    listOrganisationMembers(db, organisation.id, { listedOnly: false }),
    listPendingInvitations(db, organisation.id),
    listJoinRequests(db, organisation.id),
  ]);
  // A change to someone's membership is asked first: ?change=make-admin&member=12 opens its confirmation.
  const url = new URL(request.url);
  const change = url.searchParams.get("change");
  const target = members.find((m) => m.id === parseId(url.searchParams.get("member")));
  const pending = target && isMembershipChange(change) ? { change, memberId: target.id, name: target.display_name } : null;
  return { organisation: { name: organisation.name, slug: organisation.slug }, members, invitations, requests, me: member.id, pending };
}

type MembershipChange = "make-admin" | "make-member" | "remove";
const isMembershipChange = (value: string | null): value is MembershipChange => value === "make-admin" || value === "make-member" || value === "remove";

const CHANGE_QUESTIONS: Record<MembershipChange, (name: string, org: string) => { heading: string; text: string; confirm: string }> = {
  "make-admin": (name: string, org: string) => ({
    heading: `Make ${name} an admin of ${org}?`,
    text: `Admins can invite and remove members, make others admins, and endorse demands in ${org}'s name.`,
    confirm: `Yes, make ${name} an admin`,
  }),
  "make-member": (name: string, org: string) => ({
    heading: `Make ${name} an ordinary member of ${org}?`,
    text: `${name} will no longer be able to manage ${org} or endorse demands in its name.`,
    confirm: `Yes, make ${name} a member`,
  }),
  remove: (name: string, org: string) => ({
    heading: `Remove ${name} from ${org}?`,
    text: `${name} will no longer be listed or act for ${org}. They can ask to join again later.`,
    confirm: `Yes, remove ${name}`,
  }),
};

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const { organisation, context } = await loadOrganisation(params.slug, member);
  assertCan(member, "organisation.manage", context);
  const formData = await request.formData();
  const back = `/organisations/${organisation.slug}/manage`;

  if (formData.get("intent") === "invite") {
    const parsed = parseForm(InviteSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const limited = await checkRateLimit(db, RATE_LIMITS.invitePerMember, String(member.id));
    if (!limited.ok) return invalid({ form: limited.message }, formValues(formData, InviteSchema), 429);
    await inviteToOrganisation(db, member.id, organisation.id, parsed.data.email);
    return redirectWithFlash(request, back, { kind: "success", message: `Invitation sent to ${parsed.data.email}.` });
  }

  const parsed = parseForm(MemberActionSchema, formData);
  if (!parsed.ok) badRequest();
  const { intent, memberId } = parsed.data;
  if (intent === "accept" || intent === "decline") {
    const done = await decideJoinRequest(db, member.id, organisation.id, memberId, intent === "accept");
    return redirectWithFlash(request, back, done ? { kind: "success", message: intent === "accept" ? "Request accepted." : "Request declined." } : { kind: "info", message: "That request was already decided." });
  }
  const result = await changeOrganisationMember(db, member.id, organisation.id, memberId, intent);
  if (result === "last-admin") return invalid({ form: "An organisation must keep at least one admin. Make someone else an admin first." });
  if (result === "not-a-member") return redirectWithFlash(request, back, { kind: "info", message: "That person is no longer a member." });
  return redirectWithFlash(request, back, { kind: "success", message: "Membership updated." });
}

export default function ManageOrganisation() {
  const { organisation, members, invitations, requests, me, pending } = useLoaderData<typeof loader>();
  const question = pending ? CHANGE_QUESTIONS[pending.change](pending.memberId === me ? "yourself" : pending.name, organisation.name) : null;
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/organisations/${organisation.slug}`}>Back to {organisation.name}</Link>
      </p>
      <ErrorSummary errors={result?.errors} />
      <h1>Manage {organisation.name}</h1>

      <section className="section form">
        <h2>Invite someone</h2>
        <p>They get an email with a link. It works for people who already have an account and for people who do not.</p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="invite" />
          <TextField name="email" type="email" label="Their email address" spellCheck={false} defaultValue={valueOf(result?.values, "email")} error={result?.errors?.email} />
          <button type="submit" className="button">
            Send invitation
          </button>
        </Form>
        {invitations.length ? (
          <>
            <h3>Invitations not yet accepted</h3>
            <ul>
              {invitations.map((i) => (
                <li key={i.id}>{i.email}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="section" id="requests" aria-labelledby="requests-heading">
        <h2 id="requests-heading">Requests to join</h2>
        {requests.length === 0 ? (
          <p>No requests waiting.</p>
        ) : (
          <TableFrame label="Requests to join">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Message</th>
                  <th scope="col">Decision</th>
                </tr>
              </thead>
              <tbody>
                {requests.map((r) => (
                  <tr key={r.member_id}>
                    <td>{r.display_name}</td>
                    <td>{r.message || <span className="muted">No message</span>}</td>
                    <td>
                      <Form method="post" className="button-row">
                        <input type="hidden" name="memberId" value={r.member_id} />
                        <button type="submit" name="intent" value="accept" className="button">
                          Accept<span className="visually-hidden"> {r.display_name}</span>
                        </button>
                        <button type="submit" name="intent" value="decline" className="button button--secondary">
                          Decline<span className="visually-hidden"> {r.display_name}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </section>

      <section className="section" id="members">
        <h2>Members</h2>
        {pending && question ? (
          <ConfirmPanel heading={question.heading} confirm={question.confirm} cancelTo="#members" fields={{ intent: pending.change, memberId: pending.memberId }} warning={pending.change !== "make-admin"}>
            <p>{question.text}</p>
          </ConfirmPanel>
        ) : null}
        <TableFrame label="Members">
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Listed publicly</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.display_name}
                    {m.id === me ? " (you)" : ""}
                  </th>
                  <td data-label="Role">{m.role === "admin" ? "Admin" : "Member"}</td>
                  <td data-label="Listed publicly">{m.listed ? "Yes" : "No"}</td>
                  <td className="action-links">
                    <Link to={`?change=${m.role === "admin" ? "make-member" : "make-admin"}&member=${m.id}#members`}>
                      {m.role === "admin" ? "Make member" : "Make admin"}
                      <span className="visually-hidden"> {m.display_name}</span>
                    </Link>
                    <Link to={`?change=remove&member=${m.id}#members`}>
                      Remove<span className="visually-hidden"> {m.display_name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </section>
    </>
  );
}

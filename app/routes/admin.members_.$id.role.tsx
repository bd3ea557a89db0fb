import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin-nav";
import { ConfirmPanel } from "~/components/confirm";
import { ErrorSummary } from "~/components/error-summary";
import { getMember, listMemberRoles } from "~/models/member.server";
import { setCoalitionRoles } from "~/services/organisation.server";
import { requireCan } from "~/members/session.server";
import { isRoleChoice, ROLE_CHOICES, ROLE_POWERS, roleChoiceOf, type RoleChoice } from "~/members/coalition-roles";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireId } from "~/utils/ids";
import { invalid, notFound } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Change a member's role", "Admin");

async function loadTarget(rawId: string | undefined) {
  const member = await getMember(db, requireId(rawId));
  if (!member || member.deleted_at) notFound();
  return { member, current: roleChoiceOf(await listMemberRoles(db, member.id)) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireCan(request, "roles.manage");
  const { member, current } = await loadTarget(params.id);
  const requested = new URL(request.url).searchParams.get("role");
  const target: RoleChoice = isRoleChoice(requested) ? requested : current;
  return { member: { id: member.id, name: member.display_name }, current, target, self: member.id === admin.id };
}

/** Sets a member's coalition roles to one of the four combinations, one audited change per role. */
export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireCan(request, "roles.manage");
  const { member } = await loadTarget(params.id);
  const requested = (await request.formData()).get("role");
  if (!isRoleChoice(requested)) return invalid({ form: "Choose a role." });
  const result = await setCoalitionRoles(db, admin.id, member.id, ROLE_CHOICES[requested].roles);
  if (result === "last-admin") return invalid({ form: "The coalition must keep at least one admin. Make someone else an admin first." });
  return redirectWithFlash(request, "/admin/members", { kind: "success", message: `${member.display_name} is now: ${ROLE_CHOICES[requested].label.toLowerCase()}.` });
}

export default function ChangeRole() {
  const { member, current, target, self } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const gains = ROLE_CHOICES[target].roles.filter((r) => !ROLE_CHOICES[current].roles.includes(r));
  const loses = ROLE_CHOICES[current].roles.filter((r) => !ROLE_CHOICES[target].roles.includes(r));
  return (
    <>
      <h1>Admin</h1>
      <AdminNav isAdmin />
      <ErrorSummary errors={result?.errors} />
      {target === current ? (
        <>
          <h2>{member.name} is already: {ROLE_CHOICES[current].label.toLowerCase()}</h2>
          <p>
            Nothing to change. <Link to="/admin/members">Back to members and roles</Link>
          </p>
        </>
      ) : (
        <ConfirmPanel
          heading={`Change ${member.name}'s role from ${ROLE_CHOICES[current].label.toLowerCase()} to ${ROLE_CHOICES[target].label.toLowerCase()}?`}
          confirm={`Yes, make ${member.name} ${ROLE_CHOICES[target].label.toLowerCase()}`}
          cancelTo="/admin/members"
          fields={{ role: target }}
          warning={loses.length > 0 || gains.includes("admin")}
        >
          {gains.map((r) => (
            <p key={r}>{ROLE_POWERS[r]}</p>
          ))}
          {loses.map((r) => (
            <p key={r}>
              {member.name} will no longer be {r === "admin" ? "an admin" : "a moderator"}.{self ? " This is your own account: you will lose these powers at once." : ""}
            </p>
          ))}
          <p className="small">The change is recorded in the audit log with your name.</p>
        </ConfirmPanel>
      )}
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin-nav";
import { ErrorSummary } from "~/components/error-summary";
import { MEMBER_SEARCH_PAGE_SIZE, searchMembers } from "~/models/member.server";
import { changeCoalitionRole } from "~/services/organisation.server";
import { requireCan } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { invalid } from "~/utils/responses.server";
import { IdField, parseId } from "~/utils/ids";

export const meta: MetaFunction = () => [{ title: "Members and roles – Admin – Chorus" }];

const RoleChangeSchema = z.object({
  memberId: IdField,
  role: z.enum(["admin", "moderator"]),
  grant: z.enum(["yes", "no"]),
  q: z.string().optional().default(""),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCan(request, "roles.manage");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const after = parseId(url.searchParams.get("after")) ?? undefined;
  const rows = await searchMembers(db, q, { afterId: after });
  const page = rows.slice(0, MEMBER_SEARCH_PAGE_SIZE);
  return { q, members: page, next: rows.length > MEMBER_SEARCH_PAGE_SIZE ? page[page.length - 1]!.id : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireCan(request, "roles.manage");
  const parsed = parseForm(RoleChangeSchema, await request.formData());
  if (!parsed.ok) throw new Response("Bad request", { status: 400 });
  const { memberId, role, grant, q } = parsed.data;
  const result = await changeCoalitionRole(db, admin.id, memberId, role, grant === "yes");
  if (result === "last-admin") return invalid({ form: "The coalition must keep at least one admin." });
  const back = `/admin/members${q ? `?${new URLSearchParams({ q })}` : ""}`;
  return redirectWithFlash(request, back, { kind: "success", message: result === "done" ? "Role updated." : "Nothing changed." });
}

export default function AdminMembers() {
  const { q, members, next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Admin</h1>
      <AdminNav isAdmin />
      <ErrorSummary errors={result?.errors} />
      <h2>Members and roles</h2>
      <Form method="get" role="search" className="form">
        <div className="field">
          <label className="field__label" htmlFor="member-search">
            Search by name or email
          </label>
          <input id="member-search" className="input" type="search" name="q" defaultValue={q} />
        </div>
        <button type="submit" className="button button--secondary">
          Search
        </button>
      </Form>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const roles = m.roles ?? [];
            return (
              <tr key={m.id}>
                <td>{m.display_name}</td>
                <td>{m.email}</td>
                <td>{roles.length ? roles.join(", ") : "Member"}</td>
                <td>
                  {(["admin", "moderator"] as const).map((role) => {
                    const has = roles.includes(role);
                    return (
                      <Form method="post" key={role} className="inline-form">
                        <input type="hidden" name="memberId" value={m.id} />
                        <input type="hidden" name="role" value={role} />
                        <input type="hidden" name="grant" value={has ? "no" : "yes"} />
                        <input type="hidden" name="q" value={q} />
                        <button type="submit" className="button button--secondary">
                          {has ? `Remove ${role}` : `Make ${role}`}
                          <span className="visually-hidden"> ({m.display_name})</span>
                        </button>{" "}
                      </Form>
                    );
                  })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {next ? (
        <nav className="pagination" aria-label="More members">
          <Link to={`?${new URLSearchParams({ q, after: String(next) })}`}>More members</Link>
        </nav>
      ) : null}
    </>
  );
}

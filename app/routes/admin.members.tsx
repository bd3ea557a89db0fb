import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin-nav";
import { MEMBER_SEARCH_PAGE_SIZE, searchMembers } from "~/models/member.server";
import { requireCan } from "~/members/session.server";
import { ROLE_CHOICES, roleChoiceOf } from "~/members/coalition-roles";
import { db } from "~/utils/db.server";
import { parseId } from "~/utils/ids";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Members and roles", "Admin");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCan(request, "roles.manage");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const role = url.searchParams.get("role");
  const withRole = role === "admin" || role === "moderator" ? role : undefined;
  const after = parseId(url.searchParams.get("after")) ?? undefined;
  const rows = await searchMembers(db, q, { afterId: after, role: withRole });
  const page = rows.slice(0, MEMBER_SEARCH_PAGE_SIZE);
  return { q, role: withRole ?? "", members: page, next: rows.length > MEMBER_SEARCH_PAGE_SIZE ? page[page.length - 1]!.id : null };
}

export default function AdminMembers() {
  const { q, role, members, next } = useLoaderData<typeof loader>();
  const moreParams = (after: number) => new URLSearchParams({ ...(q ? { q } : {}), ...(role ? { role } : {}), after: String(after) });
  return (
    <>
      <h1>Admin</h1>
      <AdminNav isAdmin />
      <h2>Members and roles</h2>
      <Form method="get" role="search" className="filters">
        <div className="field">
          <label className="field__label" htmlFor="member-search">
            Name or email
          </label>
          <input id="member-search" className="input" type="search" name="q" defaultValue={q} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="member-role-filter">
            Role
          </label>
          <select id="member-role-filter" className="select" name="role" defaultValue={role}>
            <option value="">Everyone</option>
            <option value="admin">Admins</option>
            <option value="moderator">Moderators</option>
          </select>
        </div>
        <div>
          <button type="submit" className="button button--secondary">
            Search
          </button>
        </div>
      </Form>
      {members.length === 0 ? <p>No members match.</p> : null}
      <ul className="member-list">
        {members.map((m) => {
          const current = roleChoiceOf(m.roles ?? []);
          return (
            <li key={m.id} className="member-row">
              <div>
                <strong>{m.display_name}</strong>
                <br />
                <span className="small muted">{m.email}</span>
              </div>
              {/* A GET form: choosing a role opens a page that says what it means and asks to confirm. */}
              <Form method="get" action={`/admin/members/${m.id}/role`} className="member-row__form">
                <label className="field__label" htmlFor={`role-${m.id}`}>
                  Role<span className="visually-hidden"> of {m.display_name}</span>
                </label>
                <select id={`role-${m.id}`} className="select" name="role" defaultValue={current}>
                  {Object.entries(ROLE_CHOICES).map(([value, choice]) => (
                    <option key={value} value={value}>
                      {choice.label}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button button--secondary">
                  Change<span className="visually-hidden"> {m.display_name}&apos;s role</span>
                </button>
              </Form>
            </li>
          );
        })}
      </ul>
      {next ? (
        <nav className="pagination" aria-label="More members">
          <Link to={`?${moreParams(next)}`}>More members</Link>
        </nav>
      ) : null}
    </>
  );
}
